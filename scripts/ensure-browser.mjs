// Makes sure `npm test` has a Chromium to run in, in this order: a system Chromium already there;
// Debian's `chromium` via apt-get when we are root on Debian; otherwise Playwright's own download.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { systemChromium } from './browser.mjs';

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

if (systemChromium()) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
} else {
  run('npx playwright install chromium');
}
