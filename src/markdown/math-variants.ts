// Chromium lays out MathML Core, which keeps `mathvariant` only as "normal" (upright): a KaTeX
// `<mi mathvariant="double-struck">R</mi>` (\mathbb{R}) would show as an italic R. As MathML Core
// intends, the letters are written as the Unicode mathematical alphanumeric characters instead
// (ℝ, 𝐱, 𝓛, 𝔤...), which every browser shows, and the attribute is made "normal" so the
// character is not slanted again. Text nodes only: no markup is created.

// First code point of A, a and 0 in each variant's block of U+1D400 (0 where there are no digits).
const VARIANTS: Record<string, [number, number, number]> = {
  bold: [0x1d400, 0x1d41a, 0x1d7ce],
  italic: [0x1d434, 0x1d44e, 0],
  'bold-italic': [0x1d468, 0x1d482, 0],
  script: [0x1d49c, 0x1d4b6, 0],
  'bold-script': [0x1d4d0, 0x1d4ea, 0],
  fraktur: [0x1d504, 0x1d51e, 0],
  'double-struck': [0x1d538, 0x1d552, 0x1d7d8],
  'bold-fraktur': [0x1d56c, 0x1d586, 0],
  'sans-serif': [0x1d5a0, 0x1d5ba, 0x1d7e2],
  'bold-sans-serif': [0x1d5d4, 0x1d5ee, 0x1d7ec],
  'sans-serif-italic': [0x1d608, 0x1d622, 0],
  'sans-serif-bold-italic': [0x1d63c, 0x1d656, 0],
  monospace: [0x1d670, 0x1d68a, 0x1d7f6],
};

// Letters that were in Unicode before the block and are left out of it (holes in the ranges).
const HOLES: Record<string, Record<string, number>> = {
  italic: { h: 0x210e },
  script: { B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
  fraktur: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 },
  'double-struck': { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
};

/** `text` in a mathematical variant; characters with no such form stay as they are. */
export function variantText(text: string, variant: string): string {
  const starts = VARIANTS[variant];
  if (!starts) return text;
  const holes = HOLES[variant] ?? {};
  return Array.from(text, (c) => {
    if (holes[c]) return String.fromCodePoint(holes[c]);
    const code = c.charCodeAt(0);
    if (c >= 'A' && c <= 'Z') return String.fromCodePoint(starts[0] + code - 65);
    if (c >= 'a' && c <= 'z') return String.fromCodePoint(starts[1] + code - 97);
    if (c >= '0' && c <= '9' && starts[2]) return String.fromCodePoint(starts[2] + code - 48);
    return c;
  }).join('');
}

/** Rewrites the token elements of sanitized MathML that carry a variant Chromium ignores. */
export function applyMathVariants(root: ParentNode): void {
  for (const token of Array.from(root.querySelectorAll('[mathvariant]'))) {
    const variant = token.getAttribute('mathvariant')!;
    if (!VARIANTS[variant]) continue;
    const walker = document.createTreeWalker(token, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      (node as Text).data = variantText((node as Text).data, variant);
    }
    token.setAttribute('mathvariant', 'normal');
  }
}
