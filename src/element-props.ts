// The element as framework typings see it (src/react.ts, src/vue.ts): the properties a template may
// set and an `on<event-name>` handler per event. Both are derived from the class and the event map,
// so a property or event added there shows up here with no list to keep in sync.
import type { LitElement } from 'lit';
import type { StreamChatEventMap } from './events.js';
import type { StreamChat } from './stream-chat.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/** Keys that can be assigned: getter-only accessors (`busy`) are readonly at the type level. */
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];

/**
 * Keys that hold data rather than methods. A function-valued property (`prepareRequest`,
 * `parseEvent`) is optional, a method (`send`) is not: the type system cannot tell them apart
 * otherwise.
 */
type PropertyKeys<T> = {
  [K in keyof T]-?: {} extends Pick<T, K> ? K : T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/** The public properties `<stream-chat>` declares on top of LitElement's and HTMLElement's. */
export type StreamChatPropertyName = Exclude<WritableKeys<StreamChat> & PropertyKeys<StreamChat>, keyof LitElement>;

/** What a template may set on `<stream-chat>`: its own public properties, all optional. */
export type StreamChatProperties = Partial<Pick<StreamChat, StreamChatPropertyName>>;

/** `onstream-chat-send`, `onstream-chat-complete`, ...: one listener per event, typed with its detail. */
export type StreamChatEventHandlers = {
  [K in keyof StreamChatEventMap as `on${K}`]?: (event: StreamChatEventMap[K]) => void;
};
