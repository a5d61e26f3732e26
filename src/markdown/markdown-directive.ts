import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { MarkdownView } from './markdown-view.js';

type ViewModule = typeof import('./markdown-view.js');

let loaded: ViewModule | undefined;
let loading: Promise<ViewModule> | undefined;
let failed = false;

/**
 * Loads the markdown engine (marked, DOMPurify and our renderer: over half of the element's
 * weight) on first need, so a page that shows the widget downloads it only once somebody chats.
 * The element warms it up when the composer is focused, a message is sent or messages are set.
 */
export function loadMarkdown(): Promise<ViewModule> {
  loading ??= import('./markdown-view.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      failed = true;
      console.warn('stream-chat: the markdown renderer could not be loaded', error);
      throw error;
    },
  );
  return loading;
}

/**
 * Binds a `MarkdownView` to the element it is placed on: `<div ${markdown(text, final)}></div>`.
 * The element's children belong to the view; Lit only hands it the latest text.
 */
class MarkdownDirective extends Directive {
  private view?: MarkdownView;
  private latest: [string, boolean] = ['', false];
  private waiting = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('markdown() must be used on an element');
  }

  render(_text: string, _final: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [text, final]: [string, boolean]) {
    this.latest = [text, final];
    if (loaded) {
      this.view ??= new loaded.MarkdownView(part.element as HTMLElement);
      this.view.update(text, final);
    } else if (failed) {
      // Offline or a blocked chunk: the answer as plain text rather than not at all.
      part.element.textContent = text;
    } else if (!this.waiting) {
      this.waiting = true;
      const retry = () => this.update(part, this.latest);
      loadMarkdown().then(retry, retry);
    }
    return nothing;
  }
}

export const markdown = directive(MarkdownDirective);
