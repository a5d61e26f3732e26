// A page under a strict Content Security Policy with Trusted Types enforced, for test/e2e/strict.test.ts.
// The test runner's own pages run inline scripts, so the strict page is a document of its own,
// served here (before the dev server's plugins, so nothing is injected into it) and opened by the
// test in a same-origin iframe:
//
//   GET /strict/page.html?scenario=answer|hostile|html-error|math&tt=open|pinned&testId=...
//       the page, sent with the CSP header; no inline script or style
//   GET /strict/page.js
//       its script: loads the element from /src/define.ts (which the dev server compiles and whose
//       bare imports it resolves, as for any module), streams a scripted answer from /test-sse
//       (test/server/scripted-sse.mjs), records every CSP / Trusted Types violation, error and
//       console error, and posts the report to the parent window (also left in `window.strictReport`)
//
// `tt=pinned` adds a `trusted-types` allowlist of the policy names in play, to check that list is
// complete: Lit's `lit-html` and ours, `stream-chat` (highlight.js output) and `stream-chat-dompurify` (handed to our private DOMPurify).

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

export const TRUSTED_TYPES_POLICIES = "trusted-types lit-html stream-chat stream-chat-dompurify";

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>stream-chat under a strict CSP</title>
    <script type="module" src="/strict/page.js"></script>
  </head>
  <body>
    <stream-chat endpoint="/test-sse" format="content"></stream-chat>
  </body>
</html>
`;

// Runs in the strict page. Kept as a real function (served as its source) so it is checked as
// JavaScript like any other code; it must not close over anything in this module.
async function strictPage() {
  const params = new URLSearchParams(location.search);
  const report = { scenario: params.get('scenario') ?? 'answer', violations: [], errors: [], console: [], done: false };
  window.strictReport = report;

  // Violations inside the shadow root bubble out to the document (the event is composed).
  document.addEventListener('securitypolicyviolation', (e) => {
    report.violations.push({
      directive: e.effectiveDirective,
      blockedURI: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      disposition: e.disposition,
    });
  });
  window.addEventListener('error', (e) => report.errors.push(`${e.message} (${e.filename}:${e.lineno})`));
  window.addEventListener('unhandledrejection', (e) => report.errors.push(String(e.reason?.stack ?? e.reason)));
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      report.console.push({ level, text: args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' ') });
      original(...args);
    };
  }

  const until = async (predicate, timeout) => {
    const start = performance.now();
    while (!predicate()) {
      if (performance.now() - start > timeout) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  };

  const answer = [
    '# Strict page',
    '',
    'Some **bold** text, `inline code` and a [link](https://example.com/docs).',
    '',
    '| Name | Value |',
    '|:---|---:|',
    '| alpha | 1 |',
    '| beta | 2 |',
    '',
    '```js',
    'const answer = 42;',
    'console.log(`answer: ${answer}`);',
    '```',
    '',
    'Done.',
  ].join('\n');
  const sse = (value) => `data: ${JSON.stringify(value)}\n\n`;
  const pieces = (text) => (text.match(/[\s\S]{1,9}/g) ?? []).flatMap((piece) => [sse({ content: piece }), { delay: 5 }]);
  const scripts = {
    // Streamed in small pieces, so every intermediate render runs under the policy too.
    answer: {
      // A pause inside the code block, so it is shown open (and coloured) before it closes.
      chunks: [
        ...pieces(answer.slice(0, answer.indexOf('console.log'))),
        { delay: 600 },
        ...pieces(answer.slice(answer.indexOf('console.log'))),
        sse({ done: true }),
      ],
    },
    // Model output that tries inline script and style: nothing runs, and nothing even asks to
    // (a blocked inline attribute is still a violation report in the site's CSP reporting).
    hostile: {
      chunks: [
        sse({ content: 'Raw <b style="color:red">html</b> <img src=x onerror="parent.pwned = true"> ' }),
        sse({ content: '<span onclick="parent.pwned = true">span</span> [j](javascript:parent.pwned=true)\n\n' }),
        sse({ content: '<style>*{display:none}</style>\n\n<script>parent.pwned = true</script>\n\nEnd.' }),
        sse({ done: true }),
      ],
    },
    // Formulas of every kind, streamed: KaTeX loads as a chunk of its own and its MathML is parsed
    // through the `stream-chat-dompurify` policy, with no font or stylesheet to load.
    math: {
      chunks: [
        ...('Euler: $e^{i\\pi} + 1 = 0$, and \\(a^2 + b^2 = c^2\\).\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$\n\n' +
          'A hostile one: $\\href{javascript:parent.pwned=true}{x}$.\n\nDone.')
          .match(/[\s\S]{1,7}/g)
          .flatMap((piece) => [sse({ content: piece }), { delay: 5 }]),
        sse({ done: true }),
      ],
    },
    // An HTML error page is read for its title (parsed inertly) and never rendered.
    'html-error': {
      status: 502,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      chunks: ['<!doctype html><html><head><title>Bad gateway</title><script>parent.pwned = true</script></head><body><h1 style="color:red">Bad gateway</h1><img src=x onerror="parent.pwned = true"></body></html>'],
    },
  };

  try {
    await import('/src/define.ts');
    await customElements.whenDefined('stream-chat');
    const chat = document.querySelector('stream-chat');
    chat.body = { testId: params.get('testId') ?? 'strict', script: scripts[report.scenario] };
    let observer;
    if (report.scenario === 'answer') {
      // The renderer and the grammar loaded first (the module instances the element uses), so the
      // open code block is shown, coloured through the policy, during the pause in its stream.
      const { loadLanguage } = await import('/src/markdown/highlight.ts');
      const { loadMarkdown } = await import('/src/markdown/markdown-directive.ts');
      await Promise.all([loadLanguage('javascript'), loadMarkdown()]);
      report.colouredWhileStreaming = false;
      observer = new MutationObserver(() => {
        const code = chat.shadowRoot.querySelector('.code-block code');
        if (code?.querySelector('.cursor') && code.querySelector('.hljs-keyword')) report.colouredWhileStreaming = true;
      });
      observer.observe(chat.shadowRoot, { childList: true, subtree: true });
    }
    const ended = new Promise((resolve) => {
      chat.addEventListener('stream-chat-complete', () => resolve('complete'));
      chat.addEventListener('stream-chat-error', (e) => resolve(`error: ${e.detail.error.message}`));
    });
    await chat.send('Show me a table and some code');
    report.outcome = await ended;
    observer?.disconnect();
    if (report.scenario === 'math') {
      report.typeset = await until(() => chat.shadowRoot.querySelectorAll('.markdown math').length === 4, 5000);
    }
    if (report.scenario === 'answer') {
      // highlight.js and the grammar load on demand; the block is highlighted once they are in.
      report.highlighted = await until(() => chat.shadowRoot.querySelector('.code-block .hljs'), 5000);
      const button = chat.shadowRoot.querySelector('.copy-button');
      if (button) {
        button.click();
        report.copied = await until(() => button.textContent !== 'Copy', 2000) && button.textContent;
      }
    }
  } catch (error) {
    report.errors.push(String(error?.stack ?? error));
  }
  // Reports dispatched by the last operations arrive as tasks; let them land.
  await new Promise((resolve) => setTimeout(resolve, 50));
  report.done = true;
  parent.postMessage({ type: 'strict-report', report: JSON.parse(JSON.stringify(report)) }, location.origin);
}

const PAGE_JS = `// Served by test/server/strict-pages.mjs\n(${strictPage.toString()})();\n`;

/** Koa middleware for @web/test-runner's dev server. */
export function strictPages() {
  return async function strictPagesMiddleware(ctx, next) {
    if (ctx.path === '/strict/page.html') {
      const csp = ctx.query.tt === 'pinned' ? `${STRICT_CSP}; ${TRUSTED_TYPES_POLICIES}` : STRICT_CSP;
      ctx.set('Content-Security-Policy', csp);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = PAGE_HTML;
      return;
    }
    if (ctx.path === '/strict/page.js') {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = PAGE_JS;
      return;
    }
    return next();
  };
}
