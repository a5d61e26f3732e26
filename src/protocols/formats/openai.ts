/**
 * OpenAI chat completion chunks, also spoken by DeepSeek, vLLM, llama.cpp, LM Studio, LiteLLM,
 * OpenRouter, Groq, Mistral, Perplexity, TGI's and Ollama's `/v1` endpoints and most proxies.
 *
 *   data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"reasoning_content":"Hm"},"finish_reason":null}]}
 *   data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}
 *   data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
 *   data: [DONE]
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { done, error, reasoning, source, text, tool } from '../updates.js';
import { isDoneMarker } from '../done-marker.js';


function create(): WireFormat<'openai'> {
  // Tool calls stream their arguments over many chunks and only the first names the function;
  // later ones carry just the call's `index`, so one call must stay one badge.
  const calls = new Set<string>();
  // Perplexity repeats the whole citation list in every chunk.
  const cited = new Set<string>();

  function toolCalls(value: unknown): StreamUpdate[] {
    if (!Array.isArray(value)) return [];
    return value.flatMap((call, position) => {
      if (!isRecord(call)) return [];
      const id = nonEmptyString(call.id);
      const key = typeof call.index === 'number' ? `#${call.index}` : (id ?? `@${position}`);
      const name = isRecord(call.function) ? nonEmptyString(call.function.name) : undefined;
      if (!name || calls.has(key)) return [];
      calls.add(key);
      return [tool(name, id, 'running')];
    });
  }

  function citations(json: Record<string, unknown>, delta: Record<string, unknown>): StreamUpdate[] {
    const found: (StreamUpdate | undefined)[] = [];
    // OpenAI's search models annotate the delta; Perplexity lists results (with titles) or bare URLs.
    if (Array.isArray(delta.annotations)) {
      for (const annotation of delta.annotations) {
        const citation = isRecord(annotation) && isRecord(annotation.url_citation) ? annotation.url_citation : undefined;
        if (citation) found.push(source(citation.url, citation.title));
      }
    }
    if (Array.isArray(json.search_results)) {
      for (const result of json.search_results) if (isRecord(result)) found.push(source(result.url, result.title));
    }
    if (Array.isArray(json.citations)) for (const url of json.citations) found.push(source(url));
    return found.filter((update): update is StreamUpdate => {
      if (update?.type !== 'source' || cited.has(update.url)) return false;
      cited.add(update.url);
      return true;
    });
  }

  function parse(message: SseMessage, json: unknown): StreamUpdate[] {
    if (isDoneMarker(message)) return [done()];
    if (!isRecord(json)) return [];
    // OpenRouter reports a failure mid-stream as a chunk with an `error` beside its choices.
    if (isRecord(json.error)) return [error(messageOf(json.error))];
    const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
    const delta = isRecord(choice) && isRecord(choice.delta) ? choice.delta : {};
    const updates = [
      // DeepSeek and vLLM say reasoning_content, OpenRouter (and newer vLLM) reasoning.
      ...reasoning(nonEmptyString(delta.reasoning_content) ?? delta.reasoning),
      ...toolCalls(delta.tool_calls),
      ...text(delta.content),
      ...citations(json, delta),
    ];
    // Some compatible servers close the connection after finish_reason without sending [DONE].
    if (isRecord(choice) && choice.finish_reason !== null && choice.finish_reason !== undefined) {
      updates.push(done(choice.finish_reason));
    }
    return updates;
  }

  return {
    name: 'openai',
    requiresTerminal: true,
    detect: (message, json) =>
      isDoneMarker(message) ||
      (isRecord(json) &&
        (Array.isArray(json.choices) ||
          (typeof json.object === 'string' && json.object.startsWith('chat.completion')) ||
          // A mid-stream `{"error":{...}}` carries neither marker; claiming it lets a forced `openai`
          // stream report it. A content-format stream that already locked in still gets it first.
          (isRecord(json.error) && !('type' in json) && !('content' in json)))),
    parse,
    create,
  };
}

export const openaiChat = create();
