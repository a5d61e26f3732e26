// The element on a page with a strict Content Security Policy and Trusted Types enforced
// (test/server/strict-pages.mjs): it must work there without a single violation. The page is a
// document of its own (the runner's pages use inline scripts), opened here in a same-origin iframe.
import { expect } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId } from '../helpers.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
  disposition: string;
}

interface StrictReport {
  scenario: string;
  violations: Violation[];
  errors: string[];
  console: { level: 'error' | 'warn'; text: string }[];
  done: boolean;
  outcome?: string;
  highlighted?: boolean;
  colouredWhileStreaming?: boolean;
  copied?: string | false;
  typeset?: boolean;
}

/** Opens the strict page, lets it run its scenario, and returns its report and its element. */
async function runStrictPage(scenario: 'answer' | 'hostile' | 'html-error' | 'math', tt: 'open' | 'pinned' = 'open') {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 640px; height: 640px; border: 0';
  const reported = new Promise<StrictReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the strict page (${scenario}, ${tt}) sent no report`)), 60000);
    window.addEventListener('message', function listen(event: MessageEvent) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'strict-report') return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(event.data.report);
    });
  });
  frame.src = `/strict/page.html?scenario=${scenario}&tt=${tt}&testId=${newTestId()}`;
  document.body.append(frame);
  const report = await reported;
  const chat = frame.contentDocument!.querySelector('stream-chat') as StreamChat;
  return { frame, report, chat, root: chat.shadowRoot! };
}

/** A readable list, so a failure names every violation and where it happened. */
function describeProblems(report: StrictReport): string {
  return [
    `outcome: ${report.outcome}`,
    ...report.violations.map((v) => `violation: ${v.directive} blocked ${v.blockedURI} (${v.sample}) at ${v.source}`),
    ...report.errors.map((e) => `error: ${e}`),
    ...report.console.filter((c) => c.level === 'error').map((c) => `console.error: ${c.text}`),
  ].join('\n');
}

describe('<stream-chat> under a strict CSP with Trusted Types', function () {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  for (const tt of ['open', 'pinned'] as const) {
    const policies = tt === 'pinned' ? ' (trusted-types lit-html stream-chat stream-chat-dompurify)' : '';
    it(`streams and renders an answer with a link, a table and highlighted code, with no violation${policies}`, async () => {
      const { frame, report, root } = await runStrictPage('answer', tt);
      frames.push(frame);
      expect(report.violations.length + report.errors.length, describeProblems(report)).to.equal(0);
      expect(report.console.filter((c) => c.level === 'error'), describeProblems(report)).to.deep.equal([]);
      expect(report.outcome).to.equal('complete');

      const markdown = root.querySelector('.assistant .markdown')!;
      expect(markdown.querySelector('h1')!.textContent).to.equal('Strict page');
      expect(markdown.querySelector('strong')!.textContent).to.equal('bold');
      const link = markdown.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.com/docs');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(Array.from(markdown.querySelectorAll('td'), (td) => td.textContent)).to.deep.equal(['alpha', '1', 'beta', '2']);

      expect(report.highlighted, 'code highlighted').to.equal(true);
      expect(report.colouredWhileStreaming, 'code coloured while its block was open').to.equal(true);
      const code = root.querySelector('.code-block code.hljs')!;
      expect(code.querySelector('.hljs-keyword')!.textContent).to.equal('const');
      expect(code.textContent).to.contain('console.log(`answer: ${answer}`);');
      expect(root.querySelector('.code-block .copy-button')!.getAttribute('aria-label')).to.equal('Copy js code');
      // The click copied, or fell back to a selection copy; either way it ran under the policy.
      expect(report.copied).to.be.oneOf(['Copied', 'Copy failed']);
    });
  }

  for (const tt of ['open', 'pinned'] as const) {
    it(`typesets math with KaTeX into MathML, with no violation and no font or stylesheet (${tt})`, async () => {
      const { frame, report, root } = await runStrictPage('math', tt);
      frames.push(frame);
      expect(report.violations.length + report.errors.length, describeProblems(report)).to.equal(0);
      expect(report.console.filter((c) => c.level === 'error'), describeProblems(report)).to.deep.equal([]);
      expect(report.outcome).to.equal('complete');
      expect(report.typeset, 'four formulas typeset').to.equal(true);
      const markdown = root.querySelector('.assistant .markdown')!;
      const maths = Array.from(markdown.querySelectorAll('math'));
      expect(maths.map((math) => math.parentElement!.className)).to.deep.equal(['math-inline', 'math-inline', 'math-display', 'math-inline']);
      expect(markdown.querySelector('.math-display mfrac')).not.to.equal(null);
      // \href is not trusted: its argument is shown as text, linking nowhere.
      expect(markdown.querySelector('a, [href], [style], .katex')).to.equal(null);
      expect(frame.contentDocument!.fonts.size).to.equal(0);
      expect(root.querySelector('link, style')).to.equal(null);
      expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
    });
  }

  it("applies Lit's styles as adopted stylesheets, which style-src 'self' allows", async () => {
    const { frame, report, chat, root } = await runStrictPage('answer');
    frames.push(frame);
    expect(report.violations, describeProblems(report)).to.deep.equal([]);
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(root.querySelector('style')).to.equal(null);
    const view = frame.contentWindow!;
    expect(view.getComputedStyle(chat).display).not.to.equal('inline');
    expect(view.getComputedStyle(root.querySelector('.composer')!).display).to.equal('flex');
    // The visually hidden label is clipped, not shown.
    expect(root.querySelector<HTMLElement>('label.visually-hidden')!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('renders hostile raw HTML in an answer inertly, with no violation', async () => {
    const { frame, report, root } = await runStrictPage('hostile');
    frames.push(frame);
    expect(report.violations.length + report.errors.length, describeProblems(report)).to.equal(0);
    expect(report.outcome).to.equal('complete');
    const markdown = root.querySelector('.assistant .markdown')!;
    expect(markdown.textContent).to.contain('End.');
    expect(markdown.querySelector('[style], [onerror], [onclick], img, style, script, a[href^="javascript"]')).to.equal(null);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
  });

  it('reads an HTML error page for its title, inertly, with no violation', async () => {
    const { frame, report, root } = await runStrictPage('html-error');
    frames.push(frame);
    expect(report.violations.length + report.errors.length, describeProblems(report)).to.equal(0);
    expect(report.outcome).to.match(/^error: .*Bad gateway/);
    expect(root.querySelector('.error')!.textContent).to.contain('Bad gateway');
    expect(root.querySelector('.error img, .error h1, .error script')).to.equal(null);
    expect((window as { pwned?: boolean }).pwned).to.equal(undefined);
  });
});
