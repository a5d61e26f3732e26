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

// A message Lit renders again in another parent (message-groups.ts closes the oldest loose
// messages into a group; Lit cannot move DOM across parents) gets a new template, so a new directive
// on a new element. Rendering its answer again from its text cost a series of 20 KB answers 180 ms
// of main thread (sliced) and 0.9 MB of heap each time 16 messages moved (`node bench/run.mjs
// --only=series`). So each view is registered under its element's host and its message's key,
// and a new directive whose key names a view that Lit removed from the host's tree, and which
// shows all of the text, takes that view over: the rendered blocks move into the new element as
// they are. Weakly held, so a message that is gone is not kept alive; per host, so another
// element showing a message of the same id never takes this one's.
const views = new WeakMap<Element, Map<string, WeakRef<MarkdownView>>>();

/**
 * The view last registered under `host` and `key`, if Lit removed its element from the host's
 * tree and it shows all of `text` (one still catching up stays with its old directive, which
 * still feeds it).
 */
function orphanedView(host: Element, key: string, text: TextSource, final: boolean | 'partial'): MarkdownView | undefined {
  const registered = views.get(host);
  const view = registered?.get(key)?.deref();
  if (!view) registered?.delete(key);
  const removed = view && !(host.shadowRoot ?? host).contains(view.root);
  return removed && view.shows(text, final) ? view : undefined;
}

/**
 * Binds a `MarkdownView` to the element it is placed on: `<div ${markdown(text, final, options, key)}></div>`.
 * The element's children belong to the view; Lit only hands it the latest text (a string, or the
 * session's GrowingText while an answer streams). `key` names what the text is (a message's id):
 * a view under the same key that Lit removed from the host's tree, showing all of the text, is
 * taken over rather than rendered again.
 */
class MarkdownDirective extends Directive {
  private view?: MarkdownView;
  /** Hands the view a backlog in slices over several frames (see catch-up.ts). */
  private catchUp?: CatchUp;
  private latest: [TextSource, boolean | 'partial'] = ['', false];
  private waiting = false;
  private plain = false;
  private queued = false;
  /** The text and finality a view taken over (see `views`) showed, until the text changes. */
  private adopted?: [TextSource, boolean | 'partial'];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('markdown() must be used on an element');
  }

  private options: MarkdownOptions = {};
  private key?: string;

  render(_text: TextSource, _final: boolean | 'partial', _options?: MarkdownOptions, _key?: string) {
    return nothing;
  }

  override update(part: ElementPart, [text, final, options, key]: [TextSource, boolean | 'partial', MarkdownOptions?, string?]) {
    this.latest = [text, final];
    // Options apply from the first render of a message on (a view renders each block once).
    if (options && !this.view) this.options = options;
    if (key !== undefined) this.key = key;
    const host = part.options?.host;
    if (loaded && !this.view && host instanceof Element && key !== undefined && final !== false && !this.plain) {
      const view = orphanedView(host, key, text, final);
      if (view) {
        view.moveTo(part.element as HTMLElement);
        this.view = view;
        this.adopted = [text, final];
      }
    }
    if (this.adopted) {
      if (this.adopted[0] === text && this.adopted[1] === final) return nothing;
      this.adopted = undefined;
    }
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
    if (!this.view) {
      this.view = new module.MarkdownView(part.element as HTMLElement, this.options);
      const host = part.options?.host;
      if (host instanceof Element && this.key !== undefined) {
        if (!views.has(host)) views.set(host, new Map());
        views.get(host)!.set(this.key, new WeakRef(this.view));
      }
    }
    const view = this.view;
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
