// `npm run analyze` regenerates custom-elements.json from the JSDoc in src/; `npm test` fails when
// the committed manifest differs from what this produces (scripts/check-manifest.mjs).

/**
 * The analyzer reads src/*.ts, but the package ships dist/esm/*.js (tsconfig.build.json: rootDir
 * src, outDir dist/esm): tools that follow a module path (Storybook, VS Code, the Lit analyzer)
 * must land on a file the package contains.
 */
export function shippedPath(path) {
  const match = /^\/?src\/(.+?)\.(?:ts|js)$/.exec(path);
  return match ? `dist/esm/${match[1]}.js` : path;
}

function pointAtShippedFiles(node) {
  if (Array.isArray(node)) return node.forEach(pointAtShippedFiles);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shippedPath(value);
    else pointAtShippedFiles(value);
  }
}

export default {
  // The element's public contract only: its class JSDoc, registration and event types.
  globs: ['src/stream-chat.ts', 'src/define.ts', 'src/events.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [
    {
      name: 'stream-chat-shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        pointAtShippedFiles(customElementsManifest.modules);
      },
    },
  ],
};
