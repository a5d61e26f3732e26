// Where the tests' Chromium lives. A system Chromium (Debian's /usr/bin/chromium, or CHROME_PATH)
// wins; without one, Playwright falls back to the browser it manages itself.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The path of a system Chromium, or undefined to let Playwright use its own. */
export function systemChromium() {
  return candidates.find((path) => path && existsSync(path));
}

/** Flags that keep Chromium from reaching out to the network or needing a sandbox/GPU (CI runs as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
