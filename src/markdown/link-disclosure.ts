// Link text can lie about its destination: `[https://bank.example.com/login](https://evil.example/phish)`
// shows only the fake address. After sanitizing, every link's title says where it goes (as the
// sources list does: `title — href`), and a link whose text looks like an address on another host
// is followed by a small label with the real host (`part="link-host"`). Hosts are compared as URLs
// parse them, so a homograph shows as the punycode it is.
import { IMAGE_PLACEHOLDER } from './image-placeholder/image-placeholder.js';

// Text that reads as an address: an optional scheme, then a dotted host with a letter TLD, then
// optionally a port, path, query or fragment.
const ADDRESS = /^(?:[a-z][a-z\d+.-]*:\/\/)?[^\s/?#@]+\.[a-z\u00a1-\uffff]{2,}\.?(?::\d+)?(?:[/?#]\S*)?$/i;

/** Titles every link with its destination and labels those whose text names another host. */
export function discloseLinks(root: DocumentFragment | Element): void {
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (link.classList.contains(IMAGE_PLACEHOLDER)) continue;
    const href = link.getAttribute('href')!;
    const title = link.getAttribute('title');
    if (!title?.endsWith(href)) link.title = title ? `${title} — ${href}` : href;
    const shown = claimedHost(link.textContent ?? '');
    const real = hostOf(href);
    if (!shown || !real || shown === real) continue;
    const label = document.createElement('span');
    label.className = 'link-host';
    label.setAttribute('part', 'link-host');
    label.textContent = real;
    link.after(label);
  }
}

/** The host the text of a link claims, if it reads as an address. */
function claimedHost(text: string): string | undefined {
  const trimmed = text.trim();
  if (!ADDRESS.test(trimmed)) return undefined;
  return hostOf(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

/** The host of an http(s) URL, without a leading `www.`; undefined for other schemes. */
function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url, document.baseURI);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return undefined;
  }
}
