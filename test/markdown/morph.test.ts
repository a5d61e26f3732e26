// Morphing the shown open block into its new render: pure DOM, no renderer.
import { expect } from '@open-wc/testing';
import { morph } from '../../src/markdown/morph.js';
import { seededRandom } from '../support.js';

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** A container showing `html` after `before` (a finished block that must stay as it is); the shown nodes. */
function shownIn(html: string): { container: HTMLElement; before: HTMLElement; shown: ChildNode[] } {
  const container = document.createElement('div');
  container.innerHTML = '<p>finished</p>';
  const before = container.firstElementChild as HTMLElement;
  const fragment = fragmentOf(html);
  const shown = Array.from(fragment.childNodes);
  container.append(fragment);
  return { container, before, shown };
}

describe('morph', () => {
  it('keeps unchanged elements and grows their text in place', () => {
    const { container, before, shown } = shownIn('<p>Hello <strong>bold</strong> wor</p>\n');
    const p = container.querySelector('p:last-of-type')!;
    const strong = p.querySelector('strong')!;
    const text = p.lastChild as Text;
    const nodes = morph(shown, fragmentOf('<p>Hello <strong>bold</strong> world, and <em>more</em></p>\n'));
    expect(container.innerHTML).to.equal('<p>finished</p><p>Hello <strong>bold</strong> world, and <em>more</em></p>\n');
    expect(container.firstElementChild).to.equal(before);
    expect(nodes[0]).to.equal(p);
    expect(p.querySelector('strong')).to.equal(strong);
    expect(text.data).to.equal(' world, and ');
    expect(p.contains(text), 'the same text node, appended to').to.be.true;
  });

  it('keeps the items of a list that did not change and adds the new one', () => {
    const { container, shown } = shownIn('<ul>\n<li>one</li>\n<li>tw</li>\n</ul>\n');
    const [one, two] = Array.from(container.querySelectorAll('li'));
    morph(shown, fragmentOf('<ul>\n<li>one</li>\n<li>two</li>\n<li>thr</li>\n</ul>\n'));
    const items = Array.from(container.querySelectorAll('li'));
    expect(items.map((li) => li.textContent)).to.deep.equal(['one', 'two', 'thr']);
    expect(items[0]).to.equal(one);
    expect(items[1]).to.equal(two);
  });

  it('replaces an element whose attributes changed with the new one, and one whose name changed', () => {
    const { container, shown } = shownIn('<p><a href="https://a.example/">link</a> and <em>x</em></p>');
    const link = container.querySelector('a')!;
    const fresh = fragmentOf('<p><a href="https://b.example/" rel="noopener">link</a> and <strong>x</strong></p>');
    const freshLink = fresh.querySelector('a')!;
    morph(shown, fresh);
    expect(container.querySelector('a')).to.equal(freshLink);
    expect(link.isConnected).to.be.false;
    expect(container.querySelector('a')!.getAttribute('rel')).to.equal('noopener');
    expect(container.querySelector('em')).to.equal(null);
    expect(container.querySelector('p:last-child')!.innerHTML).to.equal('<a href="https://b.example/" rel="noopener">link</a> and <strong>x</strong>');
  });

  it('removes what the new render no longer has, and replaces text that did not only grow', () => {
    const { container, shown } = shownIn('<p>a **b</p><p>extra</p>');
    const text = container.querySelectorAll('p')[1].firstChild as Text;
    const nodes = morph(shown, fragmentOf('<p>a <strong>b</strong></p>'));
    expect(nodes).to.have.length(1);
    expect(container.innerHTML).to.equal('<p>finished</p><p>a <strong>b</strong></p>');
    expect(text.data).to.equal('a ');
  });

  it('empties the block when the new render shows nothing', () => {
    const { container, shown } = shownIn('<p>text</p>\n');
    expect(morph(shown, fragmentOf(''))).to.deep.equal([]);
    expect(container.innerHTML).to.equal('<p>finished</p>');
  });

  it('neither compares nor moves the cursor, and adds what is new before it', () => {
    const { container, shown } = shownIn('<p>Hello</p>');
    const cursor = document.createElement('span');
    cursor.className = 'cursor';
    container.querySelector('p:last-child')!.append(cursor);
    morph(shown, fragmentOf('<p>Hello <em>there</em></p>'), cursor);
    expect(container.querySelector('p:last-child')!.innerHTML).to.equal('Hello <em>there</em><span class="cursor"></span>');
    // At the top level too: a cursor after the block's last node stays after what is added.
    const top = shownIn('<hr>');
    const topCursor = document.createElement('span');
    top.container.append(topCursor);
    morph(top.shown, fragmentOf('<hr><p>next</p>'), topCursor);
    expect(top.container.innerHTML).to.equal('<p>finished</p><hr><p>next</p><span></span>');
  });

  it('matches only the shown nodes still in place when the page moved some away', () => {
    const { container, shown } = shownIn('<p>one</p><p>two</p><p>three</p>');
    shown[1].remove();
    const nodes = morph(shown, fragmentOf('<p>one</p><p>two!</p>'));
    expect(container.innerHTML).to.equal('<p>finished</p><p>one</p><p>two!</p>');
    expect(nodes[0]).to.equal(shown[0]);
  });

  it('ends with exactly the new render, whatever the two trees were (random trees)', () => {
    const random = seededRandom(29);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const tree = (depth: number): string => {
      let html = '';
      for (let i = 0, n = Math.floor(random() * 4); i < n; i++) {
        if (depth > 2 || random() < 0.4) html += pick(['a', 'ab', 'abc', 'x', ' ', '\n']);
        else {
          const tag = pick(['p', 'em', 'strong', 'li', 'code']);
          const attribute = pick(['', ' class="k"', ' class="j"', ' title="t"']);
          html += `<${tag}${attribute}>${tree(depth + 1)}</${tag}>`;
        }
      }
      return html;
    };
    for (let round = 0; round < 400; round++) {
      const from = `<div>${tree(0)}</div>${tree(1)}`;
      const to = tree(0);
      const { container, before, shown } = shownIn(from);
      const expected = fragmentOf(to);
      const holder = document.createElement('div');
      holder.append(expected.cloneNode(true));
      const nodes = morph(shown, fragmentOf(to));
      expect(container.innerHTML, `${from} → ${to}`).to.equal(`<p>finished</p>${holder.innerHTML}`);
      expect(container.firstChild).to.equal(before);
      expect(nodes).to.deep.equal(Array.from(container.childNodes).slice(1));
    }
  });
});
