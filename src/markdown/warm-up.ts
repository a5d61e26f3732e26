// What the first answer on a page would otherwise pay for on its own, done before anybody asks.
//
// A page's first answer cost about 1.4× its second (20 KB arriving at once: 450 ms of main-thread
// time against 320 ms), in tasks of 55-75 ms in its first frames where the second had none. Part
// of it is script run for the first time (marked, DOMPurify, our renderer), part is what the
// browser does once per page: loading the code font and the bold and italic faces, shaping text
// in them, and the first style and layout of each kind of block. So once the markdown engine has
// loaded, a sample answer with every kind of block is rendered (the script), and once per page
// rendered again into a hidden, inert box in the element's shadow root (its styles, so its fonts),
// laid out and removed in the same task (the browser's part).
import type { MarkdownView } from './markdown-view.js';

type View = typeof MarkdownView;

/** Every kind of block once: headings, emphasis, inline code, a link, lists, a quote, a table, a code block. */
export const WARM_UP_SAMPLE =
  '# a\n\n## b\n\n### c\n\n**d** _e_ `f` [g](https://h.i) j\n\n- k\n\n1. l\n\n> m\n\n| n |\n|---|\n| o |\n\n```\np\n```\n';

/** Characters added per update when the sample is streamed. */
const STEP = 7;

/**
 * Renders the sample into detached elements, whole and streamed a few characters at a time (open
 * blocks healed, plain text appended, a live code block), so the renderer's script has run before
 * the first token.
 */
export function warmUpScript(View: View): void {
  new View(document.createElement('div')).update(WARM_UP_SAMPLE, true);
  const streamed = new View(document.createElement('div'));
  for (let end = STEP; end < WARM_UP_SAMPLE.length; end += STEP) streamed.update(WARM_UP_SAMPLE.slice(0, end), false);
  streamed.update(WARM_UP_SAMPLE, true);
}

let laidOut = false;

/**
 * Once per page: renders the sample into a hidden box among the element's messages (`.messages`,
 * or `root` where there is none), as the first exchange would show it (a question, an answer and
 * its actions), lays it out and removes it, in one task. Among the messages, so the text inherits
 * what an answer's does: appended to the shadow root itself it inherited the host page's font
 * instead of the widget's (set inside, on `.surface`), and loaded faces the first answer then
 * loaded again, in its first frames (FontCache lookups of 10-20 ms there in a trace). The box
 * (`.warm-up`, styles/markdown.ts) is out of flow, clipped to no height, invisible, inert and
 * hidden from assistive technology: nothing on the page moves and nobody can see, reach or hear
 * it. Skipped where an answer is already shown: that paid for it.
 */
export function warmUpLayout(root: ShadowRoot, View: View): void {
  if (laidOut || root.querySelector('.message.assistant')) return;
  laidOut = true;
  const box = document.createElement('div');
  box.className = 'warm-up';
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  // The classes of message-templates.ts, for the faces and sizes its parts use besides the
  // markdown: a question's bubble, an answer's statistics and action buttons. Built node by node:
  // a page that requires Trusted Types refuses an HTML string.
  const markdown = element('div', 'markdown');
  box.append(
    element('article', 'message user', element('div', 'bubble', 'a')),
    element(
      'article',
      'message assistant',
      element('div', 'bubble', markdown, element('div', 'stats', '1 s'), element('div', 'actions', element('button', 'action-button', 'b'))),
    ),
  );
  new View(markdown).update(WARM_UP_SAMPLE, true);
  // Coloured code's own faces (comments in italic, sections in bold), which the sample's code
  // block, plain until a grammar loads, does not show.
  markdown.append(element('pre', '', element('code', 'hljs', element('span', 'hljs-comment', 'q'), element('span', 'hljs-section', 'r'))));
  (root.querySelector('.messages') ?? root).append(box);
  box.getBoundingClientRect();
  box.remove();
}

function element(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}
