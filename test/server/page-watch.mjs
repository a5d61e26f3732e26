// Says why a test page went quiet. The test runner only learns a file's results when its page
// reports them; a page whose renderer crashed, that navigated away, that a dialog blocks or whose
// main thread stopped answering reports nothing, and the run waits out testsFinishTimeout with no
// clue (seen once: a clean clone's run sat idle for 15 minutes on one file). This watcher prints
// what happened to such a page, named by its test file, as it happens.
// No file takes a minute on an idle machine; the longest take 3-5 minutes at --concurrency 6 on 2 cores.
const STUCK_AFTER = Number(process.env.PAGE_WATCH_AFTER ?? 300_000);
const PROBE_EVERY = Math.min(60_000, STUCK_AFTER);

const say = (file, what) => console.error(`\n[page-watch] ${file ?? 'a test page'}: ${what}`);

/** Watches one Playwright page for as long as it is open. */
export function watchPage(page) {
  const opened = Date.now();
  let file;
  let navigations = 0;
  page.on('request', (request) => {
    file ??= /\/(test\/[^?#]+\.test\.[jt]s)/.exec(request.url())?.[1];
  });
  page.on('crash', () => say(file, 'the renderer crashed; its results are lost'));
  page.on('dialog', (dialog) => {
    say(file, `a ${dialog.type()} dialog ("${dialog.message()}") would block the page; dismissed`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
    // The first navigation opens the test page; any later one leaves it (a link, a form, a reload).
    if (++navigations > 1) say(file, `the page navigated to ${frame.url()}; the file's results are lost`);
  });
  // The page reports its results over the dev server's web socket; one closed early loses them.
  page.on('websocket', (socket) => {
    socket.on('close', () => {
      if (!page.isClosed() && page.url() !== 'about:blank') say(file, `its web socket to the test runner closed (${socket.url()}); results sent later are lost`);
    });
  });
  page.on('pageerror', (error) => {
    if (Date.now() - opened > STUCK_AFTER) say(file, `uncaught error late in the run: ${error.message}`);
  });

  const probe = setInterval(async () => {
    if (page.isClosed()) return clearInterval(probe);
    const open = Math.round((Date.now() - opened) / 1000);
    if (open * 1000 < STUCK_AFTER || page.url() === 'about:blank') return;
    const answer = await Promise.race([
      page
        .evaluate(() => {
          // Where mocha is: how many tests ended how, and the first one not ended (running or next).
          const tests = [];
          const walk = (suite) => {
            for (const test of suite.tests) tests.push(test);
            for (const child of suite.suites) walk(child);
          };
          if (window.mocha?.suite) walk(window.mocha.suite);
          const states = {};
          for (const test of tests) states[test.state ?? 'open'] = (states[test.state ?? 'open'] ?? 0) + 1;
          const open = tests.find((test) => !test.state);
          const current = window.__WTR_MOCHA_RUNNER__?.currentRunnable;
          return {
            visibility: document.visibilityState,
            uptime: Math.round(performance.now()),
            socket: window.__WDS_WEB_SOCKET__?.webSocket?.readyState,
            tests: states,
            open: open && { title: open.fullTitle(), timedOut: open.timedOut, timer: !!open.timer, timeout: open.timeout?.() },
            current: current && { title: current.fullTitle(), type: current.type, state: current.state, timedOut: current.timedOut, timer: !!current.timer },
            elements: document.querySelectorAll('stream-chat').length,
          };
        })
        .then((state) => `answers (${JSON.stringify(state)})`, (error) => `cannot be asked (${error.message.split('\n')[0]})`),
      new Promise((resolve) => setTimeout(resolve, 5000, 'does not answer within 5 s: its main thread is stuck')),
    ]);
    say(file, `still open after ${open} s; the page ${answer}`);
  }, PROBE_EVERY);
  probe.unref();
  page.on('close', () => clearInterval(probe));
}
