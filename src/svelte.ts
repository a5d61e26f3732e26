// Svelte 5 typing for <stream-chat>: `import type {} from 'stream-chat-element/svelte'` once (or
// list it in tsconfig `types`) and svelte-check checks the tag's attributes, properties and event
// handlers. A module of its own so that only projects that use Svelte need its types.
//
// Svelte 5 sets an attribute on a custom element as a property when the element has a property of
// that exact name (`body={{ run_id: 5 }}`, `historyLimit={6}`), otherwise as an attribute
// (`history-limit="6"`), and an `on<event-name>` attribute listens to that exact event name:
// `onstream-chat-complete={(event) => event.detail.message}`. Import 'stream-chat-element' before
// the component mounts, so the element is defined and Svelte sees its properties.
import type { HTMLAttributes } from 'svelte/elements';
import type { StreamChatAttributes, StreamChatEventHandlers, StreamChatProperties } from './element-props.js';
import type { StreamChat } from './stream-chat.js';

export type { StreamChatAttributes, StreamChatEventHandlers, StreamChatProperties } from './element-props.js';

/**
 * The attributes of `<stream-chat>` in Svelte markup: its properties (camelCase, set as
 * properties), its attributes (kebab-case), its events and the usual HTML attributes.
 */
export type StreamChatSvelteProps = StreamChatProperties &
  StreamChatAttributes &
  StreamChatEventHandlers &
  Omit<HTMLAttributes<StreamChat>, keyof StreamChatProperties | keyof StreamChatAttributes>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'stream-chat': StreamChatSvelteProps;
  }
}
