import { isRecord } from '../protocols/json.js';

/**
 * The answer text of a non-streaming JSON response, in the shapes chat servers commonly return:
 * `{content}`, `{response}` (Ollama), `{message}` (string or `{content}`), `{text}`, `{answer}`,
 * `{output}`, or OpenAI's `choices[0].message.content`.
 */
export function textFromJsonAnswer(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  for (const key of ['content', 'response', 'message', 'text', 'answer', 'output']) {
    const field = value[key];
    if (typeof field === 'string') return field;
    if (isRecord(field) && typeof field.content === 'string') return field.content;
  }
  const choices = value.choices;
  if (Array.isArray(choices) && isRecord(choices[0])) {
    const { message, text } = choices[0];
    if (isRecord(message) && typeof message.content === 'string') return message.content;
    if (typeof text === 'string') return text;
  }
  return undefined;
}
