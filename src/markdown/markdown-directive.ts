import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { MarkdownView } from './markdown-view.js';

/** All live views, so the element (and tests) can find the one behind a message's element. */
export const views = new WeakMap<Element, MarkdownView>();

/**
 * Binds a `MarkdownView` to the element it is placed on: `<div ${markdown(text, final)}></div>`.
 * The element's children belong to the view; Lit only hands it the latest text.
 */
class MarkdownDirective extends Directive {
  private view?: MarkdownView;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('markdown() must be used on an element');
  }

  render(_text: string, _final: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [text, final]: [string, boolean]) {
    if (!this.view) {
      this.view = new MarkdownView(part.element as HTMLElement);
      views.set(part.element, this.view);
    }
    this.view.update(text, final);
    return nothing;
  }
}

export const markdown = directive(MarkdownDirective);
