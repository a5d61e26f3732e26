// The AI SDK 4 data stream (`streamText(...).toDataStreamResponse({ sendReasoning: true, sendSources:
// true })`): text/plain with `x-vercel-ai-data-stream: v1`, one `code:JSON` part per line. The model
// thinks, says a sentence, calls a tool the server runs, and answers in a second step.
import type { Transcript } from './types.js';

export const aiDataStream: Transcript = {
  format: 'ai-data-stream',
  framing: 'lines',
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-vercel-ai-data-stream': 'v1' },
  lines: [
    'f:{"messageId":"msg-xK3qT9vW2bLr8mYp"}\n',
    'g:"The user wants the weather."\n',
    'g:" I will call the tool."\n',
    '0:"Let me check."\n',
    'b:{"toolCallId":"call_8fJ2kQ","toolName":"getWeather"}\n',
    'c:{"toolCallId":"call_8fJ2kQ","argsTextDelta":"{\\"city\\":\\"Berlin\\"}"}\n',
    '9:{"toolCallId":"call_8fJ2kQ","toolName":"getWeather","args":{"city":"Berlin"}}\n',
    'a:{"toolCallId":"call_8fJ2kQ","result":{"temperature":21,"conditions":"sunny"}}\n',
    'e:{"finishReason":"tool-calls","usage":{"promptTokens":62,"completionTokens":19},"isContinued":false}\n',
    'f:{"messageId":"msg-Hd7nP1sZ4cQw6eRt"}\n',
    '0:"It is 21 °C and"\n',
    '0:" sunny in Berlin."\n',
    'h:{"sourceType":"url","id":"src-1","url":"https://www.dwd.de/EN/weather/weather_climate_local/berlin/berlin_node.html","title":"DWD – Berlin"}\n',
    'e:{"finishReason":"stop","usage":{"promptTokens":101,"completionTokens":11},"isContinued":false}\n',
    'd:{"finishReason":"stop","usage":{"promptTokens":163,"completionTokens":30}}\n',
  ],
  expected: {
    text: 'Let me check.\n\nIt is 21 °C and sunny in Berlin.',
    reasoning: 'The user wants the weather. I will call the tool.',
    tools: [{ name: 'getWeather', status: 'done' }],
    sources: [{ url: 'https://www.dwd.de/EN/weather/weather_climate_local/berlin/berlin_node.html', title: 'DWD – Berlin' }],
    reason: 'stop',
  },
};
