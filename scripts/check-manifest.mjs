// Fails when custom-elements.json is stale: regenerates it from the JSDoc in src/ into a temp
// folder and compares. Fix with `npm run analyze` and commit the result.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The analyzer resolves --outdir against the working directory, so the scratch folder is relative.
mkdirSync('node_modules/.cache', { recursive: true });
const outdir = relative(process.cwd(), mkdtempSync('node_modules/.cache/cem-'));
// The analyzer points package.json's `customElements` at wherever it wrote: keep ours as it is.
const packageJson = readFileSync('package.json', 'utf8');
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
  // Every module path names a file the package ships: dist/esm/x.js, compiled from src/x.ts
  // (tsconfig.build.json), never a src/ file the tarball leaves out.
  const paths = JSON.stringify(committed).match(/"(?:path|module)":"[^"]*"/g) ?? [];
  for (const entry of new Set(paths)) {
    const path = JSON.parse(`{${entry}}`)[entry.startsWith('"path"') ? 'path' : 'module'];
    const source = /^dist\/esm\/(.+)\.js$/.exec(path)?.[1];
    if (!source || !existsSync(`src/${source}.ts`)) {
      console.error(`custom-elements.json: ${path} is not a file the package ships (dist/esm/<file>.js from src/<file>.ts)`);
      process.exitCode = 1;
    }
  }
} finally {
  writeFileSync('package.json', packageJson);
  rmSync(outdir, { recursive: true, force: true });
}
