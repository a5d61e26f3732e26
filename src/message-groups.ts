import type { ChatMessage } from './conversation/message.js';

// Earlier messages are shown in groups of GROUP_SIZE, and a group, not each message, skips
// rendering while off-screen (`content-visibility: auto`, styles/messages.ts). The browser checks
// every such element against the viewport at every frame that changed layout or scrolled (every
// frame of a streaming answer): with one per message that was 0.73 ms of each frame after 500
// restored messages (`IntersectionObserverController::computeIntersections` in a trace of
// `bench/run.mjs --only=long`), so streaming there cost up to 1.3× what it costs in an empty
// conversation. The markdown view groups an answer's blocks into chapters for the same reason
// (markdown-view.ts).
//
// The latest messages stay direct children of the log (`.messages > .message`, the answer being
// streamed its last child, as pages and test harnesses that read the shadow DOM expect): between
// GROUP_SIZE and LOOSE_MAX of them, or all of a shorter conversation. A message keeps its group
// for as long as it is shown: Lit can move an element among its siblings but not into another
// parent, so a message that changes parent gets a new template. That happens once per message,
// when the loose ones reach LOOSE_MAX and the oldest GROUP_SIZE of them are closed into a group
// (messages at least GROUP_SIZE back, normally off-screen); their rendered answers move with them
// rather than being rendered again (markdown-directive.ts). Groups are never cut by index, so a
// message removed or inserted among them (a regenerated answer, an edited history) moves no other
// message.

/** Messages closed into a group at a time. */
export const GROUP_SIZE = 16;
/** Loose messages at the end, at most; when they reach this many, the oldest GROUP_SIZE are closed into a group. */
export const LOOSE_MAX = 2 * GROUP_SIZE;

export interface MessageGroup {
  /** Stable for as long as any of its messages is shown: the key Lit renders it under. */
  readonly key: number;
  /** The same array as at the last split while none of them changed, so a guard can skip the group. */
  readonly messages: readonly ChatMessage[];
}

export interface SplitMessages {
  /** Earlier messages, in order, in contiguous groups. */
  groups: MessageGroup[];
  /** The latest messages, after every group. */
  loose: readonly ChatMessage[];
}

/** Which messages are shown in which group; one per log, kept across renders. */
export class MessageGroups {
  /** The group of each grouped message shown at the last split. */
  private groupOf = new Map<string, number>();
  /** Each group's messages at the last split, handed out again while unchanged. */
  private last = new Map<number, readonly ChatMessage[]>();
  private nextKey = 0;

  /** `messages` as groups and the loose messages after them; each grouped message in the group it was first given. */
  split(messages: readonly ChatMessage[]): SplitMessages {
    let lastGrouped = messages.length - 1;
    while (lastGrouped >= 0 && !this.groupOf.has(messages[lastGrouped].id)) lastGrouped -= 1;
    const groups: { key: number; messages: ChatMessage[] }[] = [];
    const kept = new Map<string, number>();
    /** Groups already left in this split: one met again (a reordered conversation) is not reopened. */
    const closed = new Set<number>();
    let current: { key: number; messages: ChatMessage[] } | undefined;
    for (let i = 0; i <= lastGrouped; i++) {
      const message = messages[i];
      let key = this.groupOf.get(message.id);
      // A message new among grouped ones joins the group before it.
      if (key === undefined || (key !== current?.key && closed.has(key))) key = current?.key ?? this.nextKey++;
      if (key !== current?.key) {
        if (current) closed.add(current.key);
        current = { key, messages: [] };
        groups.push(current);
      }
      current.messages.push(message);
      kept.set(message.id, key);
    }
    let loose = messages.slice(lastGrouped + 1);
    while (loose.length >= LOOSE_MAX) {
      const group = { key: this.nextKey++, messages: loose.slice(0, GROUP_SIZE) };
      for (const message of group.messages) kept.set(message.id, group.key);
      groups.push(group);
      loose = loose.slice(GROUP_SIZE);
    }
    this.groupOf = kept;
    const last = new Map<number, readonly ChatMessage[]>();
    const result = groups.map(({ key, messages: shown }) => {
      const before = this.last.get(key);
      const same = before && before.length === shown.length && before.every((m, i) => m === shown[i]);
      const stable = same ? before : shown;
      last.set(key, stable);
      return { key, messages: stable };
    });
    this.last = last;
    return { groups: result, loose };
  }
}
