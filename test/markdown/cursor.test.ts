// The cursor at the end of a streaming answer: where it goes, and that it blinks only once the
// text pauses, on a clock the test controls.
import { expect } from '@open-wc/testing';
import { Cursor, FLOW_MS } from '../../src/markdown/cursor.js';
import { fakeClock } from '../fake-clock.js';

function root(html: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'markdown';
  element.innerHTML = html;
  return element;
}

const flowing = (view: HTMLElement) => !!view.querySelector('.cursor')?.classList.contains('flowing');

describe('Cursor', () => {
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(() => (clock = fakeClock()));
  afterEach(() => clock.restore());

  it('goes at the end of the deepest last element, never into a formula or a link host', () => {
    const view = root('<p>one</p><ul><li>two <strong>three</strong>  </li></ul>');
    const cursor = new Cursor(view);
    cursor.place();
    expect(view.querySelector('strong > .cursor')).to.exist;
    view.innerHTML = '<p>an <span class="math-inline">x</span></p>';
    cursor.place();
    expect(view.querySelector('p > .cursor')?.previousElementSibling?.className).to.equal('math-inline');
    view.innerHTML = '<p>see <a href="#">here</a><span class="link-host">x.org</span></p>';
    cursor.place();
    expect(view.querySelector('p > .cursor')?.previousElementSibling?.className).to.equal('link-host');
    expect(view.querySelectorAll('.cursor')).to.have.length(1);
    expect(view.querySelector('.cursor')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('stays lit while it keeps moving and blinks once it has not moved for FLOW_MS', () => {
    const view = root('<p>a</p>');
    const cursor = new Cursor(view);
    cursor.place();
    expect(flowing(view), 'lit as soon as text flows').to.be.true;
    for (let i = 0; i < 20; i++) {
      clock.advance(40);
      view.append(Object.assign(document.createElement('p'), { textContent: `${i}` }));
      cursor.place();
    }
    expect(flowing(view), 'still lit after 800 ms of moves').to.be.true;
    expect(clock.pending(), 'one timer for the whole flow').to.have.length(1);
    clock.advance(FLOW_MS - 1);
    expect(flowing(view)).to.be.true;
    clock.advance(1);
    expect(flowing(view), 'blinks after a pause').to.be.false;
    expect(clock.pending()).to.deep.equal([]);
  });

  it('stays lit while text grows in place, blinks once none has come for FLOW_MS, and stops the flow when removed', () => {
    const view = root('<p>a</p>');
    const cursor = new Cursor(view);
    cursor.place();
    const text = view.querySelector('p')!.firstChild as Text;
    for (let i = 0; i < 20; i++) {
      clock.advance(40);
      text.appendData(' more');
      cursor.place();
    }
    expect(view.querySelector('p > .cursor'), 'still at the end of the same paragraph').to.exist;
    expect(flowing(view), 'lit while the text grows where it is').to.be.true;
    clock.advance(FLOW_MS);
    expect(flowing(view), 'blinks after a pause').to.be.false;
    view.append(document.createElement('p'));
    view.lastElementChild!.textContent = 'b';
    cursor.place();
    expect(flowing(view)).to.be.true;
    const element = view.querySelector('.cursor')!;
    cursor.remove();
    expect(view.querySelector('.cursor')).to.be.null;
    expect(element.classList.contains('flowing')).to.be.false;
    expect(clock.pending()).to.deep.equal([]);
  });
});
