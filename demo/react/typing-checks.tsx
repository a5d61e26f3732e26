// Not part of the example: mistakes the React typing must reject. `npm run typecheck:examples`
// fails if any of these compiles (an unused @ts-expect-error is an error).
import type {} from 'stream-chat-element/react';

export const checks = [
  // @ts-expect-error theme is 'light' | 'dark' | 'auto'
  <stream-chat theme="blue" />,
  // @ts-expect-error format is one of the format names (FormatName): openai, not openia
  <stream-chat format="openia" />,
  // @ts-expect-error body is an object, set as a property
  <stream-chat body="run_id=5" />,
  // @ts-expect-error historyLimit is a number (the attribute, history-limit, takes a string)
  <stream-chat historyLimit="5" />,
  // @ts-expect-error the complete event's detail has message, conversationId and stats
  <stream-chat onstream-chat-complete={(event) => event.detail.text} />,
  // @ts-expect-error the send event's request has no `path`
  <stream-chat onstream-chat-send={(event) => event.detail.request.path} />,
  // @ts-expect-error busy is read-only
  <stream-chat busy />,
  // @ts-expect-error methods are not props
  <stream-chat send={() => {}} />,
  // @ts-expect-error misspelled property
  <stream-chat endpont="/api/chat/stream" />,
  // What must compile: every public property, the events, and ordinary HTML attributes.
  <stream-chat
    endpoint="/api/chat/stream"
    format="openai"
    headers={async () => ({ Authorization: 'Bearer token' })}
    body={{ run_id: 5 }}
    messages={[]}
    prepareRequest={(request) => ({ ...request, url: `${request.url}?v=2` })}
    parseEvent={({ data }) => data}
    theme="dark"
    idleTimeout={30000}
    showStats
    onstream-chat-send={(event) => event.preventDefault()}
    onstream-chat-error={(event) => event.detail.error.kind}
    onstream-chat-cancel={(event) => event.detail.message.content}
    id="chat"
    className="chat"
    style={{ height: 480 }}
    slot="main"
  />,
];
