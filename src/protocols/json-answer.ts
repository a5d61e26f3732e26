// A non-streaming answer: the whole response is one JSON value (the fallback for servers that do
// not stream, or stream only when asked). Read here, with the streams' formats, so all knowledge of
// what servers send stays in protocols/.
import { isRecord } from './json.js';
import type { StreamUpdate } from './types.js';
import { conversation, done } from './updates.js';

/**
 * The updates a whole JSON answer means: its text, the conversation id it carries (under any of
 * the usual names), and the end. Undefined when it holds no answer text.
 */
export function jsonAnswerUpdates(value: unknown): StreamUpdate[] | undefined {
  const text = textFromJsonAnswer(value);
  if (text === undefined) return undefined;
  const id = isRecord(value) ? conversation(value) : undefined;
  return [{ type: 'text', text }, ...(id ? [id] : []), done()];
}

/**
 * The answer text of a non-streaming JSON response, in the shapes chat servers commonly return:
 * `{content}`, `{response}` (Ollama), `{message}` (string or `{content}`), `{text}`, `{answer}`,
 * `{output}`, OpenAI's `choices[0].message.content`, Anthropic's `content[].text`, the Responses
 * API's `output_text`/`output[].content[]`, or TGI's `generated_text`.
 */
export function textFromJsonAnswer(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  for (const key of ['content', 'response', 'message', 'text', 'answer', 'output']) {
    const field = value[key];
    if (typeof field === 'string') return field;
    if (isRecord(field) && typeof field.content === 'string') return field.content;
  }
  // Anthropic Messages: content: [{ type: 'text', text }, ...]
  if (Array.isArray(value.content)) {
    const texts = value.content.flatMap((block) => (isRecord(block) && typeof block.text === 'string' ? [block.text] : []));
    if (texts.length) return texts.join('');
  }
  // OpenAI Responses: output_text, or output: [{ content: [{ type: 'output_text', text }] }]
  if (typeof value.output_text === 'string') return value.output_text;
  if (Array.isArray(value.output)) {
    const texts = value.output.flatMap((item) =>
      isRecord(item) && Array.isArray(item.content)
        ? item.content.flatMap((part) => (isRecord(part) && part.type === 'output_text' && typeof part.text === 'string' ? [part.text] : []))
        : [],
    );
    if (texts.length) return texts.join('');
  }
  // Hugging Face TGI /generate: { generated_text }
  if (typeof value.generated_text === 'string') return value.generated_text;
  const choices = value.choices;
  if (Array.isArray(choices) && isRecord(choices[0])) {
    const { message, text } = choices[0];
    if (isRecord(message) && typeof message.content === 'string') return message.content;
    if (typeof text === 'string') return text;
  }
  return undefined;
}
