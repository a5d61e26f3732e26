import type { ChatErrorInfo, StreamStats } from './conversation/message.js';
import { englishCodeBlockLabels } from './markdown/code-block/copy.js';
import { englishImageLabels } from './markdown/image-placeholder/image-placeholder.js';

/**
 * Every string the widget shows or announces. Assign a partial object to the element's `labels`
 * property to translate or rebrand it; anything left out stays English.
 */
export interface StreamChatLabels {
  /** Composer placeholder (the `placeholder` attribute wins when set). */
  placeholder: string;
  /** Accessible name of the composer. */
  message: string;
  /** Accessible name of the conversation log. */
  conversation: string;
  send: string;
  stop: string;
  /** The launcher button (launcher mode). */
  openChat: string;
  closeChat: string;
  /** Shown before the first message when the `empty` slot is not used. */
  empty: string;
  /** The reasoning section while the model thinks, and once it has answered. */
  thinking: string;
  thought: string;
  stopped: string;
  cutOff: string;
  /** The model's provider stopped the answer (OpenAI's content filter, Anthropic's refusal). */
  contentFiltered: string;
  /** Under an answer shown as plain text because the markdown renderer could not be loaded (offline). */
  plainText: string;
  retry: string;
  tools: string;
  toolRunning: string;
  toolDone: string;
  toolError: string;
  sources: string;
  copy: string;
  copied: string;
  copyFailed: string;
  /** Accessible name of a code block's Copy button. */
  copyCode: (language: string) => string;
  copyAnswer: string;
  regenerate: string;
  /** A placeholder for an image that is not loaded yet, and an image with no alt text. */
  loadImage: string;
  loadImageFrom: (host: string) => string;
  image: string;
  /** Read out by screen readers when an answer has finished, before its text. */
  answerReady: string;
  /** Read out instead of a long answer's text (which stays readable in the message). */
  answerSummary: (summary: { words: number; codeBlocks: number }) => string;
  /** The speaker of each message, in hidden text that names the message for screen readers. */
  youSaid: string;
  assistantSaid: string;
  /** The title of the launcher's panel, when the `header` slot is empty. */
  title: string;
  /** The close button in the panel's header, shown when the panel covers the screen (the launcher button closes it otherwise). */
  closePanel: string;
  /** The button that scrolls back to the newest message after the user scrolled up. */
  jumpToLatest: string;
  stats: (stats: StreamStats) => string;
  /** Rewrites an error's text (e.g. to translate it); undefined keeps the widget's English sentence. */
  error?: (error: ChatErrorInfo) => string | undefined;
}

export const defaultLabels: StreamChatLabels = {
  ...englishCodeBlockLabels,
  ...englishImageLabels,
  placeholder: 'Send a message',
  message: 'Message',
  conversation: 'Conversation',
  send: 'Send message',
  stop: 'Stop answer',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  empty: 'Ask a question to get started.',
  thinking: 'Thinking…',
  thought: 'Thinking',
  stopped: 'Stopped',
  cutOff: 'Answer cut off: the model reached its length limit.',
  contentFiltered: "Answer stopped by the model provider's content filter.",
  plainText: 'Formatting could not load (offline?), so this answer is shown as plain text. It will be formatted once it loads.',
  retry: 'Retry',
  tools: 'Tools used',
  toolRunning: 'running',
  toolDone: 'done',
  toolError: 'failed',
  sources: 'Sources',
  copyAnswer: 'Copy answer',
  regenerate: 'Regenerate',
  answerReady: 'Answer:',
  answerSummary: ({ words, codeBlocks }) => {
    // Digits grouped by hand: `toLocaleString` builds a number formatter on every call, and the
    // first one in a page loads the locale data (40 ms in the task that completes the answer).
    const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
    const count = (n: number, one: string, many: string) => `${grouped(n)} ${n === 1 ? one : many}`;
    const parts = [`Answer ready, ${count(words, 'word', 'words')}`];
    if (codeBlocks) parts.push(count(codeBlocks, 'code block', 'code blocks'));
    return `${parts.join(', ')}.`;
  },
  youSaid: 'You said',
  assistantSaid: 'Assistant said',
  title: 'Chat',
  closePanel: 'Close chat panel',
  jumpToLatest: 'Jump to latest',
  stats: (stats) => {
    const parts = [`${(stats.duration / 1000).toFixed(1)} s`];
    if (stats.tokensPerSecond !== undefined) parts.push(`${Math.round(stats.tokensPerSecond)} tok/s`);
    if (stats.timeToFirstToken !== undefined) parts.push(`first token ${stats.timeToFirstToken} ms`);
    return parts.join(' · ');
  },
};
