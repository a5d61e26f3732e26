// `npm run analyze` regenerates custom-elements.json from the JSDoc in src/; `npm test` fails when
// the committed manifest differs from what this produces (scripts/check-manifest.mjs).
export default {
  // The element's public contract only: its class JSDoc, registration and event types.
  globs: ['src/stream-chat.ts', 'src/define.ts', 'src/events.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
};
