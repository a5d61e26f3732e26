// Syntax highlighting with a private highlight.js core instance. The core and each grammar are
// imported on first use, so a page that never shows code never downloads them, and only the
// language named on the fence is used: auto-detection runs every grammar and is too slow for a
// streaming hot path.
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { retryingImport } from '../lazy.js';
import { highlightHTML } from './trusted-types.js';
import { nextTask } from '../transport/task-slices.js';

/** Set once the core has loaded, so highlighting with a loaded grammar stays synchronous. */
let hljs: HLJSApi | undefined;

const loadCore = retryingImport(() => import('highlight.js/lib/core').then((module) => (hljs ??= module.default.newInstance())));

type Loader = () => Promise<{ default: LanguageFn }>;

// Literal import() calls, one per grammar, so every bundler can see and split them.
const loaders: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  graphql: () => import('highlight.js/lib/languages/graphql'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  plaintext: () => import('highlight.js/lib/languages/plaintext'),
  powershell: () => import('highlight.js/lib/languages/powershell'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  scss: () => import('highlight.js/lib/languages/scss'),
  shell: () => import('highlight.js/lib/languages/shell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const aliases: Record<string, string> = {
  sh: 'bash', zsh: 'bash', console: 'shell', 'shell-session': 'shell',
  h: 'c', 'c++': 'cpp', cc: 'cpp', hpp: 'cpp', cs: 'csharp', 'c#': 'csharp',
  patch: 'diff', docker: 'dockerfile', golang: 'go', gql: 'graphql', toml: 'ini',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', jsonc: 'json', json5: 'json',
  kt: 'kotlin', mk: 'makefile', make: 'makefile', md: 'markdown', text: 'plaintext', txt: 'plaintext',
  ps: 'powershell', ps1: 'powershell', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust',
  html: 'xml', htm: 'xml', svg: 'xml', xhtml: 'xml', vue: 'xml', yml: 'yaml', postgres: 'sql',
  postgresql: 'sql', mysql: 'sql', sqlite: 'sql',
};

const pending = new Map<string, Promise<boolean>>();

/** The grammar name for a fence's info string (`TS`, `py`, `c++`), or undefined when we have none. */
export function languageFor(info: string): string | undefined {
  const name = info.trim().toLowerCase();
  const canonical = aliases[name] ?? name;
  return Object.hasOwn(loaders, canonical) ? canonical : undefined;
}

/** Loads a grammar once; resolves false when it cannot be loaded (offline, blocked chunk). */
export function loadLanguage(language: string): Promise<boolean> {
  let loading = pending.get(language);
  if (!loading) {
    loading = Promise.all([loadCore(), loaders[language]()])
      .then(([api, module]) => {
        api.registerLanguage(language, module.default);
        // Compiled now, in the task that loaded it, not in the frame that first colours its code.
        try {
          api.highlight('', { language, ignoreIllegals: true });
        } catch {
          // Highlighting real code reports its own failure (apply).
        }
        return true;
      })
      .catch((error: unknown) => {
        // Offline or blocked: the block stays plain, and the next block in this language tries again.
        pending.delete(language);
        console.warn(`stream-chat: could not load the ${language} grammar`, error);
        return false;
      });
    pending.set(language, loading);
  }
  return loading;
}

/** The highlighter, when the grammar for `language` has loaded (synchronous; else undefined). */
export function loadedHighlighter(language: string): HLJSApi | undefined {
  return hljs?.getLanguage(language) ? hljs : undefined;
}

function apply(api: HLJSApi, code: HTMLElement, language: string): void {
  // highlight.js escapes the text it is given; its output is markup of its own spans only, which
  // the `stream-chat` Trusted Types policy checks. Anything else leaves the block plain.
  try {
    code.innerHTML = highlightHTML(api.highlight(code.textContent ?? '', { language, ignoreIllegals: true }).value);
  } catch (error) {
    // Unexpected markup, or a page whose Trusted Types settings refuse our policy.
    console.warn('stream-chat: code left unhighlighted', error);
    return;
  }
  code.classList.add('hljs');
}

/** Milliseconds of colouring per task for the blocks that waited for their grammar. */
const COLOUR_MS_PER_TASK = 8;
/** Blocks whose grammar has arrived, oldest first, each with what resolves its promise. */
const waiting: (() => void)[] = [];
let draining = false;

/**
 * Colours the blocks that waited for their grammar a few milliseconds' worth per task, starting in
 * the task after the one it arrived in. Every block a backlog showed before then waits on the same
 * load, and colouring them all when it resolved made one task of them (with the grammar's
 * compilation): 20 ms of highlight.js in one task of a page's first 20 KB burst, in a profile.
 */
async function drain(): Promise<void> {
  draining = true;
  while (waiting.length) {
    await nextTask();
    const end = performance.now() + COLOUR_MS_PER_TASK;
    do waiting.shift()!();
    while (waiting.length && performance.now() < end);
  }
  draining = false;
}

function colourSoon(colour: () => void): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(() => {
      // One block's failure must not stop the queue: the rest would never be coloured.
      try {
        colour();
      } catch (error) {
        console.warn('stream-chat: code left unhighlighted', error);
      }
      resolve();
    });
    if (!draining) void drain();
  });
}

/**
 * Highlights a finished code element in place, once. Synchronous when the grammar is already
 * loaded (no flash of plain text) unless `soon`; otherwise the element stays plain until its
 * grammar arrives (or, with `soon`, the next task), and is coloured in a task shared with at most
 * a few milliseconds of other such blocks.
 */
export function highlightCode(code: HTMLElement, info: string, soon = false): Promise<void> | void {
  const language = languageFor(info);
  if (!language) return;
  const later = () => colourSoon(() => hljs && apply(hljs, code, language));
  if (hljs?.getLanguage(language)) return soon ? later() : apply(hljs, code, language);
  return loadLanguage(language).then((loaded) => (loaded ? later() : undefined));
}
