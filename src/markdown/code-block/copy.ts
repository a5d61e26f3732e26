// A code block's Copy button: the click (the element delegates clicks in the log here), the copy
// and the "Copied" feedback on the button. Light on purpose: it is in the element's first load,
// while the rest of the code block (code-block.ts) loads with the markdown engine.

const COPIED_MS = 2000;

/** What a reading of an answer skips in a code block: its header (language and Copy button). */
export const CODE_BLOCK_CHROME = '.code-header';

/** The strings of code blocks; the element passes its `labels`. */
export interface CodeBlockLabels {
  copy: string;
  copied: string;
  copyFailed: string;
  copyCode: (language: string) => string;
}

export const englishCodeBlockLabels: CodeBlockLabels = {
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  copyCode: (language) => (language ? `Copy ${language} code` : 'Copy code'),
};

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
  labels: Pick<CodeBlockLabels, 'copy' | 'copied' | 'copyFailed'> = englishCodeBlockLabels,
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
  labels?: Pick<CodeBlockLabels, 'copy' | 'copied' | 'copyFailed'>,
): Promise<{ text: string; messageId?: string } | undefined> {
  const button = (event.target as Element | null)?.closest?.('.copy-button');
  if (!(button instanceof HTMLButtonElement)) return undefined;
  const text = await copyCodeBlock(button, labels);
  if (text === undefined) return undefined;
  return { text, messageId: button.closest('[data-id]')?.getAttribute('data-id') ?? undefined };
}
