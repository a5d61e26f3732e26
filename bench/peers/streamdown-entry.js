// Streamdown (React) with its code plugin, bundled by bench/peers.mjs for the peers page.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Streamdown } from 'streamdown';
import { code } from '@streamdown/code';

/** Mounts Streamdown in `element`; returns a function that renders the text so far. */
export function mountStreamdown(element) {
  const root = createRoot(element);
  return (text, streaming) => root.render(createElement(Streamdown, { plugins: { code }, isAnimating: streaming, mode: 'streaming' }, text));
}
