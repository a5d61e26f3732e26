// Typesets the math placeholders of a sanitized fragment (`.math-inline`, `.math-display`, from
// math.ts) with KaTeX. KaTeX is imported on the first formula, as a chunk of its own, so a page
// whose answers have no math never downloads it. Its output is MathML only, which browsers render
// natively: no KaTeX fonts or stylesheet have to reach the shadow root, and nothing is fetched.
// The MathML goes through the math allowlist (math-sanitize.ts) before it is inserted.
//
// Until KaTeX has loaded, and if a formula does not parse, the placeholder keeps showing the
// formula's source. Once it has loaded, typesetting is synchronous, so the block being streamed
// (re-rendered every frame) shows its finished formulas as math in every frame, without flicker.
import type { KatexOptions } from 'katex';
import { retryingImport } from '../lazy.js';
import { texOf } from './math.js';
import { sanitizeMath } from './math-sanitize.js';
import { applyMathVariants } from './math-variants.js';

type RenderToString = (tex: string, options: KatexOptions) => string;

/** Set once KaTeX has loaded. */
let renderToString: RenderToString | undefined;

// A failed load (network) is retried by the next formula.
const loadKatex = retryingImport(() => import('katex').then((module) => (renderToString = module.default.renderToString)));

const OPTIONS: KatexOptions = {
  output: 'mathml',
  throwOnError: true,
  // No \href, \url, \includegraphics, \htmlClass, \htmlStyle...: the model does not get to link.
  trust: false,
  strict: 'ignore',
  // Bounds for hostile input: macro expansion and sizes a model could blow up.
  maxExpand: 200,
  maxSize: 50,
};

/** Typeset formulas by source, so the re-rendered open block reuses them. Bounded. */
const cache = new Map<string, DocumentFragment | null>();
const CACHE_SIZE = 300;

/** The sanitized MathML of a formula, or null when it does not parse (its source stays shown). */
function typeset(tex: string, display: boolean): DocumentFragment | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let math = cache.get(key);
  if (math === undefined) {
    try {
      math = sanitizeMath(renderToString!(tex, { ...OPTIONS, displayMode: display }));
      applyMathVariants(math);
      if (!math.hasChildNodes()) math = null;
    } catch {
      math = null;
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, math);
  }
  return math ? (math.cloneNode(true) as DocumentFragment) : null;
}

function typesetPlaceholder(placeholder: Element): void {
  const formula = texOf(placeholder.textContent ?? '');
  if (!formula) return;
  const math = typeset(formula.tex, formula.display);
  if (!math) {
    placeholder.classList.add('math-error');
    return;
  }
  placeholder.replaceChildren(math);
}

/**
 * Typesets the formulas in `root`. Synchronous once KaTeX has loaded; before that, loads it and
 * returns a promise that resolves when the formulas are typeset (empty when there are none).
 */
export function typesetMath(root: DocumentFragment | Element): Promise<void>[] {
  const placeholders = Array.from(root.querySelectorAll('.math-inline, .math-display'));
  if (!placeholders.length) return [];
  if (renderToString) {
    placeholders.forEach(typesetPlaceholder);
    return [];
  }
  return [
    loadKatex().then(
      () => placeholders.forEach(typesetPlaceholder),
      // Without KaTeX the formulas stay as their source.
      () => undefined,
    ),
  ];
}
