// React 19 typing for <stream-chat>: `import type {} from 'stream-chat-element/react'` once (or list
// it in tsconfig `types`) and the tag type-checks in TSX. A module of its own so that only projects
// that use React need @types/react.
//
// React 19 sets a prop on a custom element as a property when the element has one (so `body`,
// `headers`, `messages` arrive as objects, not strings) and adds `on<event-name>` props as event
// listeners for that exact name: `onstream-chat-complete` listens to `stream-chat-complete`.
// The element must be defined before React renders it (import 'stream-chat-element' first),
// otherwise React cannot see the properties and sets attributes instead.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { StreamChatEventHandlers, StreamChatProperties } from './element-props.js';
import type { StreamChat } from './stream-chat.js';

export type { StreamChatEventHandlers, StreamChatProperties } from './element-props.js';

/** The props of `<stream-chat>` in TSX: its properties, its events, and the usual HTML attributes. */
export type StreamChatReactProps = StreamChatProperties &
  StreamChatEventHandlers &
  Omit<DetailedHTMLProps<HTMLAttributes<StreamChat>, StreamChat>, keyof StreamChatProperties>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'stream-chat': StreamChatReactProps;
    }
  }
}
