// Code block chrome: a header with the language and a Copy button around every <pre>. It is added
// after sanitizing, by our own code, so the sanitizer policy never has to allow buttons.
import { highlightCode } from './highlight.js';

const COPIED_MS = 2000;

function infoOf(code: Element): string {
  const match = /(?:^|\s)language-(\S+)/.exec(code.className);
  return match ? match[1] : '';
}

/**
 * Wraps each `<pre>` of a sanitized fragment in a code block with a header and Copy button.
 * Finished blocks are highlighted (once); the block still being streamed is coloured as it grows
 * by live-code.ts.
 */
/** The strings of code blocks and images; the element passes its `labels`. */
export interface MarkdownLabels {
  copy: string;
  copied: string;
  copyFailed: string;
  copyCode: (language: string) => string;
  loadImage: string;
  /** The tooltip of an image placeholder. */
  loadImageFrom: (host: string) => string;
  image: string;
}

export const englishMarkdownLabels: MarkdownLabels = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  copyCode: (language) => (language ? `Copy ${language} code` : 'Copy code'),
  loadImage: 'load image',
  loadImageFrom: (host) => `Load the image from ${host}`,
  image: 'Image',
};

export function decorateCodeBlocks(
  root: DocumentFragment | Element,
  finished: boolean,
  labels: MarkdownLabels = englishMarkdownLabels,
): Promise<void>[] {
  const pending: Promise<void>[] = [];
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector('code') ?? pre;
    const info = infoOf(code);
    const block = document.createElement('div');
    block.className = 'code-block';
    block.setAttribute('part', 'code-block');
    const header = document.createElement('div');
    header.className = 'code-header';
    const label = document.createElement('span');
    label.className = 'code-language';
    label.textContent = info;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.setAttribute('part', 'copy-button');
    button.setAttribute('aria-label', labels.copyCode(info));
    button.textContent = labels.copy;
    header.append(label, button);
    // Long lines scroll sideways; keyboard users must be able to scroll them too.
    pre.tabIndex = 0;
    pre.replaceWith(block);
    block.append(header, pre);
    if (finished && code instanceof HTMLElement) {
      const done = highlightCode(code, info);
      if (done) pending.push(done);
    }
  }
  return pending;
}

/** Puts text on the clipboard; rejects when the browser refuses. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (insecure context, no permission): fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}

/** Copies the code of the block a Copy button belongs to, and says so on the button for a moment. */
export async function copyCodeBlock(
  button: HTMLButtonElement,
  labels: Pick<MarkdownLabels, 'copy' | 'copied' | 'copyFailed'> = englishMarkdownLabels,
): Promise<string | undefined> {
  const code = button.closest('.code-block')?.querySelector('pre');
  if (!code) return undefined;
  const text = code.textContent ?? '';
  try {
    await copyText(text);
    button.textContent = labels.copied;
  } catch {
    button.textContent = labels.copyFailed;
    window.setTimeout(() => (button.textContent = labels.copy), COPIED_MS);
    return undefined;
  }
  window.setTimeout(() => (button.textContent = labels.copy), COPIED_MS);
  return text;
}

/**
 * Handles a click in the log if it was on a code block's Copy button: copies the code, shows the
 * feedback on the button, and resolves with what was copied and the id of the answer it is in.
 * Resolves undefined for any other click, and when the copy failed.
 */
export async function copyCodeOnClick(
  event: Event,
  labels?: Pick<MarkdownLabels, 'copy' | 'copied' | 'copyFailed'>,
): Promise<{ text: string; messageId?: string } | undefined> {
  const button = (event.target as Element | null)?.closest?.('.copy-button');
  if (!(button instanceof HTMLButtonElement)) return undefined;
  const text = await copyCodeBlock(button, labels);
  if (text === undefined) return undefined;
  return { text, messageId: button.closest('[data-id]')?.getAttribute('data-id') ?? undefined };
}
