// A `{content}` backend (LLMSelect's shape) relaying a provider's content filter: the done event
// carries the provider's own word (`content_filter`), which the element shows as a notice.
import type { Transcript } from './types.js';

export const contentFiltered: Transcript = {
  format: 'content',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream' },
  lines: [
    'data: {"content": "Here is how to "}\n\n',
    'data: {"done": true, "conversation_id": "c-51", "finish_reason": "content_filter"}\n\n',
  ],
  expected: { text: 'Here is how to ', reason: 'content_filter', conversationId: 'c-51' },
};
