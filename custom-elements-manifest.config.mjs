// `npm run analyze` regenerates custom-elements.json from the JSDoc in src/; `npm test` fails when
// the committed manifest differs from what this produces (scripts/check-manifest.mjs).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
};
