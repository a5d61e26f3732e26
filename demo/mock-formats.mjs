// How the mock backend spells one answer in each wire format <stream-chat> understands. The event
// shapes are those of the recorded transcripts in test/transcripts/, trimmed of fields nothing reads.
//
// Every format is a function of one stream's state `s` that returns its encoder: the response
// headers, and hooks that each return the body pieces (whole SSE events, NDJSON lines or raw text)
// for one step of the answer. The backend calls the hooks in the same order for every format:
//
//   start, [reasoningStart, reasoning(piece)…, reasoningEnd], [toolStart(tool), toolDone(tool)],
//   textStart, text(piece)…, then either textEnd, sources(list), warning(message), end(reason)
//   or error(message)
//
// A hook a format lacks means it has no way to say that (text and json-string answers simply end
// when the connection closes). `s.text` and `s.reasoning` hold what was sent so far; `end` gets
// `stop` or `length` and says it in the format's words. `json()` is the format's non-streaming
// answer, where it has one the element reads.
//
// The stream state: { id, created, conversationId, question, tool?, text, reasoning }.

const SSE = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' };
const NDJSON = { 'content-type': 'application/x-ndjson' };
const MODEL = 'mock-1';

/** One SSE event: `data:` holds a JSON value, or a string as is (`[DONE]`). */
const sse = (value, event) => `${event ? `event: ${event}\n` : ''}data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`;
const line = (value) => `${JSON.stringify(value)}\n`;
const now = () => new Date().toISOString();

/** @type {Record<string, (s: any) => any>} */
export const formats = {
  seeds: (s) => ({
    headers: SSE,
    start: () => [sse({ type: 'session_info', session_id: s.conversationId })],
    toolStart: (tool) => [sse({ type: 'tool', tool: tool.name, status: 'started' })],
    toolDone: (tool) => [sse({ type: 'tool', tool: tool.name, status: 'completed' })],
    text: (piece) => [sse({ type: 'token', content: piece })],
    warning: (message) => [sse({ type: 'warning', message })],
    end: () => [sse({ type: 'done' }), sse({ type: 'stream_end' })],
    error: (message) => [sse({ type: 'error', message }), sse({ type: 'stream_end' })],
  }),

  // DeepSeek-style reasoning_content, a tool call whose arguments stream by index, and the
  // url_citation annotations of OpenAI's search models.
  openai: (s) => {
    const chunk = (delta, finish = null) =>
      sse({ id: `chatcmpl-${s.id}`, object: 'chat.completion.chunk', created: s.created, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish }] });
    return {
      headers: SSE,
      start: () => [chunk({ role: 'assistant', content: '' })],
      reasoning: (piece) => [chunk({ content: null, reasoning_content: piece })],
      toolStart: (tool) => [
        chunk({ tool_calls: [{ index: 0, id: `call_${s.id}`, type: 'function', function: { name: tool.name, arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: JSON.stringify(tool.input) } }] }),
      ],
      text: (piece) => [chunk({ content: piece })],
      sources: (list) => [
        chunk({
          annotations: list.map(({ url, title }) => ({ type: 'url_citation', url_citation: { url, title, start_index: 0, end_index: s.text.length } })),
        }),
      ],
      end: (reason) => [chunk({}, reason), sse('[DONE]')],
      error: (message) => [sse({ error: { message, type: 'server_error', code: null } })],
      json: () => ({
        id: `chatcmpl-${s.id}`,
        object: 'chat.completion',
        created: s.created,
        model: MODEL,
        choices: [{ index: 0, message: { role: 'assistant', content: s.text }, finish_reason: 'stop' }],
      }),
    };
  },

  // Output items in order: a reasoning summary, a function call, the message with its citations.
  'openai-responses': (s) => {
    let sequence = 0;
    const items = [];
    const ids = { reasoning: `rs_${s.id}`, tool: `fc_${s.id}`, message: `msg_${s.id}` };
    const index = (kind) => (items.includes(kind) ? items : items.concat(kind)).indexOf(kind);
    const event = (type, body) => sse({ type, sequence_number: sequence++, ...body }, type);
    const response = (status, extra) => ({ id: `resp_${s.id}`, object: 'response', created_at: s.created, status, model: MODEL, output: [], ...extra });
    const added = (kind, item) => {
      items.push(kind);
      return event('response.output_item.added', { output_index: index(kind), item: { id: ids[kind], ...item } });
    };
    const done = (kind, item) => event('response.output_item.done', { output_index: index(kind), item: { id: ids[kind], ...item } });
    const summary = { item_id: ids.reasoning, output_index: 0, summary_index: 0 };
    const content = () => ({ item_id: ids.message, output_index: index('message'), content_index: 0 });
    const part = () => ({ type: 'output_text', annotations: [], text: s.text });
    const call = (tool, status) => ({ type: 'function_call', status, name: tool.name, call_id: `call_${s.id}`, arguments: JSON.stringify(tool.input) });
    return {
      headers: SSE,
      start: () => [
        event('response.created', { response: response('in_progress') }),
        event('response.in_progress', { response: response('in_progress') }),
      ],
      reasoningStart: () => [
        added('reasoning', { type: 'reasoning', summary: [] }),
        event('response.reasoning_summary_part.added', { ...summary, part: { type: 'summary_text', text: '' } }),
      ],
      reasoning: (piece) => [event('response.reasoning_summary_text.delta', { ...summary, delta: piece })],
      reasoningEnd: () => [
        event('response.reasoning_summary_text.done', { ...summary, text: s.reasoning }),
        done('reasoning', { type: 'reasoning', summary: [{ type: 'summary_text', text: s.reasoning }] }),
      ],
      toolStart: (tool) => [
        added('tool', { ...call(tool, 'in_progress'), arguments: '' }),
        event('response.function_call_arguments.delta', { item_id: ids.tool, output_index: index('tool'), delta: JSON.stringify(tool.input) }),
      ],
      toolDone: (tool) => [
        event('response.function_call_arguments.done', { item_id: ids.tool, output_index: index('tool'), arguments: JSON.stringify(tool.input) }),
        done('tool', call(tool, 'completed')),
      ],
      textStart: () => [
        added('message', { type: 'message', status: 'in_progress', content: [], role: 'assistant' }),
        event('response.content_part.added', { ...content(), part: part() }),
      ],
      text: (piece) => [event('response.output_text.delta', { ...content(), delta: piece, logprobs: [] })],
      sources: (list) =>
        list.map(({ url, title }, i) =>
          event('response.output_text.annotation.added', {
            ...content(),
            annotation_index: i,
            annotation: { type: 'url_citation', start_index: 0, end_index: s.text.length, title, url },
          }),
        ),
      textEnd: () => [
        event('response.output_text.done', { ...content(), text: s.text, logprobs: [] }),
        event('response.content_part.done', { ...content(), part: part() }),
        done('message', { type: 'message', status: 'completed', content: [part()], role: 'assistant' }),
      ],
      end: (reason) => [
        reason === 'length'
          ? event('response.incomplete', { response: response('incomplete', { incomplete_details: { reason: 'max_output_tokens' } }) })
          : event('response.completed', { response: response('completed') }),
      ],
      error: (message) => [event('error', { code: 'server_error', message, param: null })],
    };
  },

  // Indexed content blocks: thinking (with its signature), tool_use, then text with citations.
  anthropic: (s) => {
    let block = -1;
    const event = (type, body) => sse({ type, ...body }, type);
    const open = (contentBlock) => event('content_block_start', { index: ++block, content_block: contentBlock });
    const delta = (body) => event('content_block_delta', { index: block, delta: body });
    const close = () => event('content_block_stop', { index: block });
    return {
      headers: SSE,
      start: () => [
        event('message_start', {
          message: { id: `msg_${s.id}`, type: 'message', role: 'assistant', model: MODEL, content: [], stop_reason: null, usage: { input_tokens: 812, output_tokens: 1 } },
        }),
        event('ping', {}),
      ],
      reasoningStart: () => [open({ type: 'thinking', thinking: '', signature: '' })],
      reasoning: (piece) => [delta({ type: 'thinking_delta', thinking: piece })],
      reasoningEnd: () => [delta({ type: 'signature_delta', signature: 'EqQBCgIYAhIMmock' }), close()],
      toolStart: (tool) => [
        open({ type: 'tool_use', id: `toolu_${s.id}`, name: tool.name, input: {} }),
        delta({ type: 'input_json_delta', partial_json: JSON.stringify(tool.input) }),
      ],
      toolDone: () => [close()],
      textStart: () => [open({ type: 'text', text: '' })],
      text: (piece) => [delta({ type: 'text_delta', text: piece })],
      sources: (list) =>
        list.map(({ url, title }) => delta({ type: 'citations_delta', citation: { type: 'web_search_result_location', cited_text: title, url, title } })),
      textEnd: () => [close()],
      end: (reason) => [
        event('message_delta', {
          delta: { stop_reason: reason === 'length' ? 'max_tokens' : 'end_turn', stop_sequence: null },
          usage: { output_tokens: Math.round(s.text.length / 4) },
        }),
        event('message_stop', {}),
      ],
      error: (message) => [event('error', { error: { type: 'overloaded_error', message } })],
    };
  },

  // The AI SDK 5+ UI message stream: a step that thinks and calls a tool the server runs, then a
  // step that answers and cites its sources.
  'ai-sdk': (s) => {
    const part = (type, body) => sse({ type, ...body });
    const toolCallId = `call-${s.id}`;
    return {
      headers: { ...SSE, 'x-vercel-ai-ui-message-stream': 'v1' },
      start: () => [part('start', { messageId: `msg-${s.id}` }), part('start-step')],
      reasoningStart: () => [part('reasoning-start', { id: 'r1' })],
      reasoning: (piece) => [part('reasoning-delta', { id: 'r1', delta: piece })],
      reasoningEnd: () => [part('reasoning-end', { id: 'r1' })],
      toolStart: (tool) => [
        part('tool-input-start', { toolCallId, toolName: tool.name }),
        part('tool-input-delta', { toolCallId, inputTextDelta: JSON.stringify(tool.input) }),
        part('tool-input-available', { toolCallId, toolName: tool.name, input: tool.input }),
      ],
      toolDone: (tool) => [part('tool-output-available', { toolCallId, output: tool.output }), part('finish-step'), part('start-step')],
      textStart: () => [part('text-start', { id: 't1' })],
      text: (piece) => [part('text-delta', { id: 't1', delta: piece })],
      textEnd: () => [part('text-end', { id: 't1' })],
      sources: (list) => list.map(({ url, title }, i) => part('source-url', { sourceId: `s${i + 1}`, url, title })),
      end: (reason) => [part('finish-step'), part('finish', { finishReason: reason }), sse('[DONE]')],
      error: (message) => [part('error', { errorText: message })],
    };
  },

  // The AI SDK 4 data stream: `code:JSON` lines; a first step with the tool call, a second with the answer.
  'ai-data-stream': (s) => {
    const part = (code, value) => `${code}:${JSON.stringify(value)}\n`;
    const toolCallId = `call_${s.id}`;
    const usage = () => ({ promptTokens: 812, completionTokens: Math.round(s.text.length / 4) });
    return {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-vercel-ai-data-stream': 'v1' },
      start: () => [part('f', { messageId: `msg-${s.id}-1` })],
      reasoning: (piece) => [part('g', piece)],
      toolStart: (tool) => [
        part('b', { toolCallId, toolName: tool.name }),
        part('c', { toolCallId, argsTextDelta: JSON.stringify(tool.input) }),
        part('9', { toolCallId, toolName: tool.name, args: tool.input }),
      ],
      toolDone: (tool) => [
        part('a', { toolCallId, result: tool.output }),
        part('e', { finishReason: 'tool-calls', usage: usage(), isContinued: false }),
        part('f', { messageId: `msg-${s.id}-2` }),
      ],
      text: (piece) => [part('0', piece)],
      sources: (list) => list.map(({ url, title }, i) => part('h', { sourceType: 'url', id: `src-${i + 1}`, url, title })),
      end: (reason) => [part('e', { finishReason: reason, usage: usage(), isContinued: false }), part('d', { finishReason: reason, usage: usage() })],
      error: (message) => [part('3', message)],
    };
  },

  // LangServe through sse-starlette: CRLF line ends, AIMessageChunks (DeepSeek's reasoning in
  // additional_kwargs), and an `end` event without data.
  langserve: (s) => {
    const crlf = (text) => text.replaceAll('\n', '\r\n');
    const chunk = (content, extra = {}) =>
      crlf(
        sse(
          { content, additional_kwargs: {}, response_metadata: {}, type: 'AIMessageChunk', name: null, id: `run-${s.id}`, tool_calls: [], tool_call_chunks: [], ...extra },
          'data',
        ),
      );
    return {
      headers: { ...SSE, 'x-accel-buffering': 'no' },
      start: () => [crlf(sse({ run_id: s.id }, 'metadata'))],
      keepAlive: () => [`: ping - ${now()}\r\n\r\n`],
      reasoning: (piece) => [chunk('', { additional_kwargs: { reasoning_content: piece } })],
      text: (piece) => [chunk(piece)],
      // The element does not read the finish reason here: a cut-off answer ends like any other.
      end: (reason) => [chunk('', { response_metadata: { finish_reason: reason, model_name: MODEL } }), 'event: end\r\n\r\n'],
      error: (message) => [crlf(sse({ status_code: 500, message }, 'error'))],
      json: () => ({ output: { content: s.text, type: 'ai' }, metadata: { run_id: s.id } }),
    };
  },

  // TGI's /generate_stream: `data:` without a space, one token per event, the last one with the
  // whole text and why generation stopped.
  tgi: (s) => {
    let tokens = 0;
    const event = (token, generated = null, details = null) =>
      `data:${JSON.stringify({ index: ++tokens, token: { id: 1000 + tokens, logprob: -0.12, special: false, ...token }, generated_text: generated, details })}\n\n`;
    return {
      headers: SSE,
      text: (piece) => [event({ text: piece })],
      end: (reason) => [
        event(reason === 'length' ? { text: '' } : { id: 2, text: '</s>', special: true }, s.text, {
          finish_reason: reason === 'length' ? 'length' : 'eos_token',
          generated_tokens: tokens + 1,
          seed: null,
        }),
      ],
      error: (message) => [`data:${JSON.stringify({ error: message, error_type: 'generation' })}\n\n`],
    };
  },

  // Flowise's prediction API: `{event, data}` behind a `message:` line; tools and documents after
  // the answer, the chat id last.
  flowise: (s) => {
    const event = (name, data) => `message:\ndata:${JSON.stringify({ event: name, data })}\n\n`;
    const tools = (tool, output) => [{ tool: tool.name, toolInput: tool.input, toolOutput: output }];
    return {
      headers: SSE,
      start: () => [event('start', '')],
      toolStart: (tool) => [event('calledTools', tools(tool, ''))],
      text: (piece) => [event('token', piece)],
      sources: (list) => [event('sourceDocuments', list.map(({ url, title }) => ({ pageContent: title, metadata: { source: url, title } })))],
      end: () => [
        ...(s.tool ? [event('usedTools', tools(s.tool, JSON.stringify(s.tool.output)))] : []),
        event('metadata', { chatId: s.conversationId, chatMessageId: `${s.id}-answer`, question: s.question, sessionId: s.conversationId }),
        event('end', '[DONE]'),
      ],
      error: (message) => [event('error', message)],
      json: () => ({ text: s.text, question: s.question, chatId: s.conversationId, sessionId: s.conversationId }),
    };
  },

  // Ollama's /api/chat with a thinking model: NDJSON; the tool call is handed over whole.
  ollama: (s) => {
    const chunk = (message, extra = { done: false }) => line({ model: MODEL, created_at: now(), message: { role: 'assistant', ...message }, ...extra });
    return {
      headers: NDJSON,
      reasoning: (piece) => [chunk({ content: '', thinking: piece })],
      toolStart: (tool) => [chunk({ content: '', tool_calls: [{ function: { name: tool.name, arguments: tool.input } }] })],
      text: (piece) => [chunk({ content: piece })],
      end: (reason) => [chunk({ content: '' }, { done_reason: reason, done: true, eval_count: 412, eval_duration: 5_120_000_000 })],
      error: (message) => [line({ error: message })],
      json: () => ({ model: MODEL, created_at: now(), message: { role: 'assistant', content: s.text }, done_reason: 'stop', done: true }),
    };
  },

  // n8n's Chat Trigger with streaming: NDJSON under application/json, one begin/item/end run.
  n8n: (s) => {
    const chunk = (type, extra) =>
      line({ type, ...extra, metadata: { nodeId: `agent-${s.id}`, nodeName: 'AI Agent', itemIndex: 0, runIndex: 0, timestamp: Date.now() } });
    return {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      start: () => [chunk('begin')],
      text: (piece) => [chunk('item', { content: piece })],
      end: () => [chunk('end')],
      error: (message) => [chunk('error', { content: message })],
      json: () => ({ output: s.text }),
    };
  },

  content: (s) => ({
    headers: SSE,
    text: (piece) => [sse({ content: piece })],
    end: () => [sse({ done: true, conversation_id: s.conversationId })],
    error: (message) => [sse({ error: message })],
  }),

  text: () => ({ headers: SSE, text: (text) => [sse({ text })] }),

  'json-string': () => ({ headers: SSE, text: (piece) => [sse(JSON.stringify(piece))] }),

  'plain-text': () => ({ headers: { 'content-type': 'text/plain; charset=utf-8' }, text: (piece) => [piece] }),
};
