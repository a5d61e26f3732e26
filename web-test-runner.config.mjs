import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, systemChromium } from './scripts/browser.mjs';
import { scriptedSse } from './test/server/scripted-sse.mjs';

const executablePath = systemChromium();
// highlight.js's ESM entry re-exports its CommonJS core; bundlers convert it, the dev server needs this.
const commonjsPlugin = fromRollup(commonjs);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    commonjsPlugin({ include: /node_modules\/highlight\.js\/lib\//, requireReturnsDefault: 'preferred' }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  middleware: [scriptedSse()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // System Chromium when there is one (CI, Debian); otherwise Playwright's own browser.
      launchOptions: executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs },
      createBrowserContext: ({ browser }) =>
        browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] }),
    }),
  ],
};
