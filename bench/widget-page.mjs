// The benchmark's widget page, opened for one run of the diagnostic scripts (profile.mjs,
// trace.mjs): the bench server, a browser, the probe installed before any page script, the page
// at `size` KB in `mode`, and (unless `cold`) the composer focused, as a user's first act.
import { chromium } from 'playwright';
import { systemChromium, chromiumArgs } from '../scripts/browser.mjs';
import { startServer } from './server.mjs';

export async function openWidgetPage({ size, mode, cold = false }) {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript({ path: new URL('./pages/probe.js', import.meta.url).pathname });
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/pages/widget.html?size=${size}&mode=${mode}&rate=1000`);
  await page.waitForFunction(() => window.bench?.ready);
  if (!cold) await page.evaluate(() => bench.focusComposer());
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { page, context, browser, close };
}
