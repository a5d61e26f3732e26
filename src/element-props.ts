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

/**
 * The attribute Lit observes for a property: `historyLimit` -> `history-limit`. Every multi-word
 * property with an attribute is declared with its kebab-case name (test/e2e/element-props.test.ts
 * holds the class to that), so the name is derived here rather than listed.
 */
export type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/**
 * Properties with no attribute (`attribute: false`, or an accessor such as `messages`): objects,
 * functions and values the element sets itself. test/e2e/element-props.test.ts compares this list
 * with the class's own declarations, so it cannot go stale.
 */
export type StreamChatPropertyOnlyName = 'parseEvent' | 'prepareRequest' | 'conversationId' | 'messages';

/** The properties that have an attribute. */
export type StreamChatAttributeProperty = Exclude<StreamChatPropertyName, StreamChatPropertyOnlyName>;

/** What an attribute of a property accepts: a number as a number or its text, a boolean as present. */
type AttributeValue<T> = [Exclude<T, undefined>] extends [number]
  ? number | `${number}`
  : [Exclude<T, undefined>] extends [boolean]
    ? boolean | ''
    : [Exclude<T, undefined>] extends [string]
      ? Exclude<T, undefined>
      : T | string;

/**
 * The element's attributes by their names in markup (`history-limit`, `show-stats`, `theme`),
 * typed with what each accepts, for templates that set attributes (Svelte, Angular's static
 * attributes): `theme="blue"` and an object for `history-limit` do not type-check.
 */
export type StreamChatAttributes = {
  [K in StreamChatAttributeProperty as KebabCase<K>]?: AttributeValue<StreamChat[K]>;
};
