// The sanitizer policy on its own: an allowlist of what markdown makes, classes only where they
// mean no UI of ours, links that open apart, and nothing that fetches, runs or styles.
import { expect } from '@open-wc/testing';
import { sanitize } from '../../src/markdown/sanitize.js';

function clean(html: string): HTMLElement {
  const root = document.createElement('div');
  root.append(sanitize(html));
  return root;
}

describe('sanitize', () => {
  it('keeps what markdown makes', () => {
    const html = '<h2>T</h2><p><strong>b</strong> <em>i</em> <code>c</code></p><ul><li>x</li></ul><table><thead><tr><th>h</th></tr></thead></table><blockquote>q</blockquote>';
    expect(clean(html).innerHTML).to.equal(html);
  });

  it('drops what runs, fetches, styles or takes input', () => {
    const root = clean('<script>alert(1)</script><img src="https://x.example/a.png"><style>p{}</style><iframe src="https://x.example"></iframe><form><input><button>b</button></form><svg><a href="#">s</a></svg><p style="color:red" onclick="x()" id="i" data-x="1" aria-label="l">text</p>');
    expect(root.querySelector('script, img, style, iframe, form, input, button, svg')).to.equal(null);
    const p = root.querySelector('p')!;
    expect(p.getAttributeNames()).to.deep.equal([]);
    expect(p.textContent).to.equal('text');
  });

  it('keeps only the classes that are no UI of ours', () => {
    const root = clean('<pre><code class="language-js evil">x</code></pre><a class="image-placeholder cursor" href="https://a.example/i.png">alt</a><span class="math-inline error">m</span><span class="cursor">fake</span><p class="retry-button">p</p>');
    expect(root.querySelector('code')!.className).to.equal('language-js');
    expect(root.querySelector('a')!.className).to.equal('image-placeholder');
    expect(root.querySelector('span')!.className).to.equal('math-inline');
    expect(root.querySelectorAll('[class]')).to.have.length(3);
  });

  it('opens links apart and drops unsafe URLs', () => {
    const root = clean('<a href="https://a.example/">ok</a><a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a>');
    const [ok, js, data] = Array.from(root.querySelectorAll('a'));
    expect(ok.getAttribute('target')).to.equal('_blank');
    expect(ok.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(js.hasAttribute('href')).to.be.false;
    expect(data.hasAttribute('href')).to.be.false;
  });

  it('returns an inert fragment for a document without a body', () => {
    const fragment = sanitize('<frameset><frame src="x"></frameset>');
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(fragment.querySelector('frame, frameset')).to.equal(null);
  });
});
