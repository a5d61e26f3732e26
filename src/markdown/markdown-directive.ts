import { nothing, type ReactiveControllerHost } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { CatchUp } from './catch-up.js';
import type { MarkdownOptions, MarkdownView } from './markdown-view.js';
import type { TextSource } from './text-source.js';
import { retryingImport } from '../lazy.js';

type ViewModule = typeof import('./markdown-view.js');

let loaded: ViewModule | undefined;
/** The last attempt to load the engine failed: answers show as plain text until one succeeds. */
let failed = false;
/** Directives showing plain text (or waiting) that re-render once the engine arrives. */
const waiting = new Set<() => void>();

const importView = retryingImport(() => import('./markdown-view.js'));

function settled(): void {
  const directives = [...waiting];
  waiting.clear();
  for (const rerender of directives) rerender();
}

/**
 * Loads the markdown engine (marked, DOMPurify and our renderer: over half of the element's
 * weight) on first need, so a page that shows the widget downloads it only once somebody chats.
 * The element loads it once it is visible and the browser idle (preload.ts), and at the latest
 * when the composer is focused, a message is sent or messages are set. A failed load is tried
 * again at the next of those needs, and the answers shown as plain text meanwhile are rendered
 * again once it arrives. Never rejects: resolves `undefined` when the engine could not load.
 */
export function loadMarkdown(): Promise<ViewModule | undefined> {
  if (loaded) return Promise.resolve(loaded);
  return importView().then(
    (module) => {
      if (loaded) return loaded;
      loaded = module;
      failed = false;
      module.warmUpScript(module.MarkdownView);
      settled();
      return module;
    },
    (error: unknown) => {
      if (loaded || failed) return loaded;
      failed = true;
      console.warn('stream-chat: the markdown renderer could not be loaded; answers show as plain text until it can', error);
      settled();
      return undefined;
    },
  );
}

/** Lays out a sample answer in `root` once per page, when the engine has loaded (see warm-up.ts). */
export function warmUpRendering(root: ShadowRoot): void {
  if (loaded) loaded.warmUpLayout(root, loaded.MarkdownView);
}

/** Whether answers are shown as plain text because the markdown engine could not be loaded. */
export function markdownUnavailable(): boolean {
  return failed && !loaded;
}

// First renders of finished messages (a restored conversation of hundreds) run newest first, in
// slices of a few milliseconds, so the page never freezes and the end of the conversation, the
// part on screen, appears at once.
const SLICE_MS = 8;
const queue: { run(): void; host?: ReactiveControllerHost }[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const start = performance.now();
  const hosts = new Set<ReactiveControllerHost>();
  while (queue.length && performance.now() - start < SLICE_MS) {
    const job = queue.pop()!;
    job.run();
    if (job.host) hosts.add(job.host);
  }
  // The host re-renders (cheaply: its templates are guarded) so it can keep following the bottom.
  for (const host of hosts) host.requestUpdate();
  if (queue.length) {
    scheduled = true;
    setTimeout(flush, 0);
  }
}

/**
 * Binds a `MarkdownView` to the element it is placed on: `<div ${markdown(text, final, options)}></div>`.
 * The element's children belong to the view; Lit only hands it the latest text (a string, or the
 * session's GrowingText while an answer streams).
 */
class MarkdownDirective extends Directive {
  private view?: MarkdownView;
  /** Hands the view a backlog in slices over several frames (see catch-up.ts). */
  private catchUp?: CatchUp;
  private latest: [TextSource, boolean | 'partial'] = ['', false];
  private waiting = false;
  private plain = false;
  private queued = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('markdown() must be used on an element');
  }

  private options: MarkdownOptions = {};

  render(_text: TextSource, _final: boolean | 'partial', _options?: MarkdownOptions) {
    return nothing;
  }

  override update(part: ElementPart, [text, final, options]: [TextSource, boolean | 'partial', MarkdownOptions?]) {
    this.latest = [text, final];
    // Options apply from the first render of a message on (a view renders each block once).
    if (options && !this.view) this.options = options;
    if (loaded) {
      if (this.plain) {
        // Shown as plain text while the engine could not load: the view starts from an empty element.
        this.plain = false;
        part.element.textContent = '';
        part.element.classList.remove('plain');
      }
      if (!this.view && final) this.enqueue(part, loaded);
      else if (!this.queued) this.show(part, loaded);
      return nothing;
    }
    if (failed) {
      // Offline or a blocked chunk: the answer as plain text rather than not at all.
      this.plain = true;
      part.element.textContent = text.slice(0);
      part.element.classList.add('plain');
    }
    if (!this.waiting) {
      this.waiting = true;
      waiting.add(() => {
        this.waiting = false;
        this.update(part, this.latest);
        (part.options?.host as ReactiveControllerHost | undefined)?.requestUpdate();
      });
      // A failed engine is loaded again at the next need (a send, focus), not on every token.
      if (!failed) void loadMarkdown();
    }
    return nothing;
  }

  private show(part: ElementPart, module: ViewModule): void {
    const view = (this.view ??= new module.MarkdownView(part.element as HTMLElement, this.options));
    this.catchUp ??= new module.CatchUp((text, final) => view.update(text, final));
    this.catchUp.push(...this.latest);
  }

  private enqueue(part: ElementPart, module: ViewModule): void {
    if (this.queued) return;
    this.queued = true;
    queue.push({
      run: () => {
        this.queued = false;
        this.show(part, module);
      },
      host: part.options?.host as ReactiveControllerHost | undefined,
    });
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  }
}

export const markdown = directive(MarkdownDirective);
