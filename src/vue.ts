// Vue 3 typing for <stream-chat>: `import type {} from 'stream-chat-element/vue'` once (or list it
// in tsconfig `types`) and vue-tsc checks the tag's props and events in templates. A module of its
// own so that only projects that use Vue need its types.
//
// At run time Vue must be told the tag is a custom element (`compilerOptions.isCustomElement`);
// it then sets bound values (`:body`, `:headers`, `:messages`) as properties, since the element
// has them, and `@stream-chat-complete` listens to that exact event name.
import type { DefineSetupFnComponent, HTMLAttributes } from 'vue';
import type { StreamChatProperties } from './element-props.js';
import type { StreamChatEventMap } from './events.js';

export type { StreamChatProperties } from './element-props.js';

/** The element's events as Vue emits: `@stream-chat-complete="(e) => e.detail.message"`. */
export type StreamChatVueEmits = {
  [K in keyof StreamChatEventMap]: (event: StreamChatEventMap[K]) => void;
};

/** The props of `<stream-chat>` in templates: its properties and the usual HTML attributes. */
export type StreamChatVueProps = StreamChatProperties & Omit<HTMLAttributes, keyof StreamChatProperties>;

/** `<stream-chat>` as a component type, for templates. */
export type StreamChatVueComponent = DefineSetupFnComponent<StreamChatVueProps, StreamChatVueEmits>;

declare module 'vue' {
  interface GlobalComponents {
    'stream-chat': StreamChatVueComponent;
  }
}
