// Bundles Streamdown (React) and its code plugin into bench/peers/dist for the peers page.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [`${here}streamdown-entry.js`],
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  outdir: `${here}dist`,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
