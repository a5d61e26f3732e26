// A React 19 component that hosts <stream-chat>. Two imports are all the setup there is: the first
// defines the element (before React renders it, so React sees its properties), the second types the
// tag for TSX (its properties and an on<event-name> handler per event, with the event's detail).
import 'stream-chat-element';
import type {} from 'stream-chat-element/react';
import type { StreamChatCompleteDetail } from 'stream-chat-element/stream-chat.js';
import { useState } from 'react';

export interface ChatPanelProps {
  endpoint: string;
  runId: number;
  theme?: 'light' | 'dark' | 'auto';
}

export function ChatPanel({ endpoint, runId, theme = 'auto' }: ChatPanelProps) {
  const [last, setLast] = useState<StreamChatCompleteDetail | null>(null);

  return (
    <section className="chat-panel">
      <stream-chat
        endpoint={endpoint}
        theme={theme}
        // Objects and functions go in as properties (React 19 sees the element has them);
        // a kebab-case name such as history-limit is an attribute.
        body={{ run_id: runId }}
        headers={() => ({ 'X-Requested-With': 'stream-chat-react-demo' })}
        history-limit="6"
        onstream-chat-complete={(event) => setLast(event.detail)}
        onstream-chat-error={(event) => console.warn(event.detail.error.kind, event.detail.error.message)}
      />
      <p className="chat-status" role="status">
        {last ? `Answered in ${Math.round(last.stats.duration)} ms (${last.stats.tokens} tokens)` : 'No answer yet'}
      </p>
    </section>
  );
}
