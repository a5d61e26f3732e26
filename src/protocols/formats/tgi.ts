/**
 * Hugging Face Text Generation Inference's native `/generate_stream` (also Inference Endpoints
 * running TGI): one token per event; the last one carries the whole `generated_text` and details.
 *
 *   data:{"index":1,"token":{"id":22557,"text":"Hel","logprob":-0.4,"special":false},"generated_text":null,"details":null}
 *   data:{"index":9,"token":{"id":2,"text":"</s>","logprob":-0.1,"special":true},"generated_text":"Hello!","details":{"finish_reason":"eos_token","generated_tokens":9,"seed":null}}
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord } from '../json.js';
import { done, error, text } from '../updates.js';

export const tgi = {
  name: 'tgi',
  requiresTerminal: true,
  detect: (_message, json) =>
    isRecord(json) &&
    (isRecord(json.token) || (typeof json.error === 'string' && typeof json.error_type === 'string')),
  parse: (_message, json) => {
    if (!isRecord(json)) return [];
    if (typeof json.error === 'string') return [error(json.error)];
    const token = isRecord(json.token) ? json.token : {};
    // Special tokens are the model's markup (</s>, <|eot_id|>), not answer text.
    const updates: StreamUpdate[] = token.special === true ? [] : text(token.text);
    if (typeof json.generated_text === 'string') {
      const details = isRecord(json.details) ? json.details : {};
      updates.push(done(details.finish_reason));
    }
    return updates;
  },
} as const satisfies WireFormat<'tgi'>;
