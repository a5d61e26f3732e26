import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the polite live region says: each finished answer once (its rendered text, not its
 * markdown, never token by token) and short confirmations. Cleared first, so a repeat is read again.
 */
export class LiveRegion implements ReactiveController {
  text = '';
  private readonly host: ReactiveControllerHost;
  private frame = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  say(text: string): void {
    this.text = '';
    this.host.requestUpdate();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.text = text;
      this.host.requestUpdate();
    });
  }

  /** Reads out `prefix` and the text of `rendered()` once the host has rendered, else `fallback`. */
  async sayRendered(prefix: string, rendered: () => Element | null | undefined, fallback: string): Promise<void> {
    await this.host.updateComplete;
    this.say(`${prefix} ${(rendered()?.textContent ?? fallback).trim()}`);
  }
}
