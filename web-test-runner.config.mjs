import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, systemChromium } from './scripts/browser.mjs';
import { scriptedSse } from './test/server/scripted-sse.mjs';
import { aiSdkProducer } from './test/server/ai-sdk-producer.mjs';
import { corpora, corpusNotice } from './test/server/corpora.mjs';
import { strictPages } from './test/server/strict-pages.mjs';
import { staticFiles } from './test/server/static-files.mjs';
import { seedBackends } from './test/server/seeds/index.mjs';
import { cdpCommands } from './test/server/cdp-commands.mjs';
import { watchPage } from './test/server/page-watch.mjs';

const executablePath = systemChromium();
// Throws (the run does not start) when STREAM_CHAT_REQUIRE_CORPORA=1 and the corpus is missing.
const skippedCorpus = corpusNotice();
// highlight.js's ESM entry re-exports its CommonJS core; bundlers convert it, the dev server needs this.
const commonjsPlugin = fromRollup(commonjs);

// Ends the run with a plain 'N passed, N failed' line, which CI reads as the test summary.
function summaryReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no results; count it as a failure so it cannot hide.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed += 1;
      }
      console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
      if (skippedCorpus) console.log(skippedCorpus);
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Hang detectors, not speed checks: no test asserts how fast anything is, and a loaded machine
  // (CI runners, --concurrency 6 on 2 cores) may take many times longer than an idle one.
  testFramework: { config: { timeout: 120000 } },
  // The same for the runner's own limits (starting the browser and a page, a whole file's run).
  browserStartTimeout: 180000,
  testsStartTimeout: 180000,
  testsFinishTimeout: 900000,
  plugins: [
    commonjsPlugin({ include: /node_modules\/highlight\.js\/lib\//, requireReturnsDefault: 'preferred' }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    cdpCommands(),
  ],
  middleware: [scriptedSse(), aiSdkProducer(), strictPages(), corpora(), seedBackends(), staticFiles()],
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // System Chromium when there is one (CI, Debian); otherwise Playwright's own browser.
      launchOptions: executablePath ? { executablePath, args: chromiumArgs } : { args: chromiumArgs },
      createBrowserContext: async ({ browser }) => {
        const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
        // Opening a test page may take long on a loaded machine (Playwright's default is 30 s).
        context.setDefaultNavigationTimeout(180000);
        context.setDefaultTimeout(180000);
        return context;
      },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        watchPage(page);
        return page;
      },
    }),
  ],
};
