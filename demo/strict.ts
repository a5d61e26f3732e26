// The strict page's script (see the comment at the top of strict.html). It touches the DOM only in
// ways the policy allows: text, elements and a constructed stylesheet, never an HTML string.
import type { StreamChat } from '../src/stream-chat.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

// Constructed stylesheets are not subject to style-src: the same mechanism Lit styles the element with.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 24px; }
  h1 { font-size: 1.4rem; margin: 0 0 8px; }
  h2 { font-size: 1rem; margin: 16px 0 4px; }
  pre { white-space: pre-wrap; background: color-mix(in srgb, currentColor 6%, transparent); padding: 8px 12px; border-radius: 8px; }
  .questions { display: flex; flex-wrap: wrap; gap: 8px; }
  stream-chat { display: block; height: 560px; }
  #violations li { color: #d1242f; font-family: ui-monospace, monospace; font-size: 13px; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

// Without a build the page would stay blank: say what to run (the import fails when the file is missing).
const bundle = '/dist/stream-chat.js';
import(/* @vite-ignore */ bundle).catch(() => {
  const note = document.createElement('p');
  note.textContent = 'This page runs the built bundle, dist/stream-chat.js, which is not there: run npm run build (then npm start) and reload.';
  document.body.prepend(note);
});

const chat = $<StreamChat>('stream-chat');
const list = $<HTMLOListElement>('#violations');
const status = $<HTMLParagraphElement>('#violation-status');

$<HTMLPreElement>('#policy').textContent = ($<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]').content)
  .split(';')
  .map((directive) => directive.trim())
  .join(';\n');

// Violations inside the element's shadow root reach the document too (the event is composed).
document.addEventListener('securitypolicyviolation', (event) => {
  const item = document.createElement('li');
  const sample = event.sample ? ` (${event.sample})` : '';
  item.textContent = `${event.effectiveDirective}: ${event.blockedURI}${sample} at ${event.sourceFile}:${event.lineNumber}`;
  list.append(item);
  status.textContent = `${list.children.length} violation(s): the element, or this page, did something the policy forbids.`;
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-question]')) {
  button.addEventListener('click', () => void chat.send(button.dataset.question));
}
$<HTMLButtonElement>('#clear').addEventListener('click', () => chat.clear());
