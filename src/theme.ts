import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ColorScheme = 'light' | 'dark';

interface ThemedHost extends ReactiveControllerHost, HTMLElement {
  theme: 'light' | 'dark' | 'auto';
}

/**
 * The colour scheme the page gives the element's place in it: the `color-scheme` its parent
 * inherits (or the page's `<meta name="color-scheme">`). A page that declares only `dark` gets
 * dark, one that declares nothing or only `light` gets light, and one that declares both leaves
 * the choice to the operating system's preference (`osDark`).
 */
export function pageColorScheme(element: Element, osDark: boolean): ColorScheme {
  const parent = element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? document.documentElement;
  let declared = parent ? getComputedStyle(parent).colorScheme : '';
  if (!declared || declared === 'normal') {
    declared = document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  }
  const words = declared.split(/[\s,]+/);
  const dark = words.includes('dark');
  if (dark && words.includes('light')) return osDark ? 'dark' : 'light';
  return dark ? 'dark' : 'light';
}

/**
 * Resolves `theme` to the scheme in force and shows it as the host's `dark` custom state
 * (`:host(:state(dark))` in the styles). `auto` follows the host page, re-read when the page's
 * root or body changes its class, style or attributes (how pages switch to dark mode), when a
 * `<meta name="color-scheme">` changes, and when the OS preference changes.
 */
export class ThemeController implements ReactiveController {
  private readonly os = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly changed = () => this.resolve();
  private readonly observer = new MutationObserver(this.changed);
  private resolvedFor?: string;

  constructor(
    private readonly host: ThemedHost,
    private readonly internals: ElementInternals,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.os.addEventListener('change', this.changed);
    const watch = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme', 'data-bs-theme'] };
    this.observer.observe(document.documentElement, watch);
    if (document.body) this.observer.observe(document.body, watch);
    if (document.head) this.observer.observe(document.head, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
    this.resolve();
  }

  hostDisconnected(): void {
    this.os.removeEventListener('change', this.changed);
    this.observer.disconnect();
  }

  // Only when \`theme\` changed: reading the page's style on every update would cost each frame of an answer.
  hostUpdate(): void {
    if (this.host.theme !== this.resolvedFor) this.resolve();
  }

  private resolve(): void {
    const { theme } = this.host;
    this.resolvedFor = theme;
    const dark = theme === 'dark' || (theme !== 'light' && this.host.isConnected && pageColorScheme(this.host, this.os.matches) === 'dark');
    const states = this.internals.states;
    if (states.has('dark') !== dark) {
      if (dark) states.add('dark');
      else states.delete('dark');
    }
  }
}
