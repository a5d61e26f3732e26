// Wires the demo page's controls to <stream-chat> and logs the element's events. Everything here
// goes through the element's public API: attributes, the `body` property, send(), clear().
import type { StreamChatLabels } from '../src/labels.js';
import type { StreamChatEventMap } from '../src/events.js';

type Theme = 'light' | 'dark' | 'auto';
type Scenario = 'normal' | 'slow' | 'length' | 'drop' | 'stream-error' | 'http-error' | 'unauthorized' | 'json';

const MOCK_ENDPOINT = '/api/chat/stream';
const OPENAI_ENDPOINT = '/api/openai/stream';
const SAMPLE_QUESTION = 'Why did run #5 lose money?';

/** What each scenario button asks, so every failure mode also shows a different answer. */
const scenarioQuestions: Record<Scenario, string> = {
  normal: SAMPLE_QUESTION,
  slow: 'How do I compute max drawdown in Python?',
  // The richest answer (reasoning, a tool call, sources), so the cut-off shows what came before it.
  length: SAMPLE_QUESTION,
  json: 'How do I restart the backtest worker?',
  'http-error': "Summarise today's runs",
  unauthorized: "Summarise today's runs",
  'stream-error': 'What can you help me with?',
  drop: 'Show me the worst runs in SQL and TypeScript',
};

function $<E extends Element>(selector: string): E {
  const element = document.querySelector<E>(selector);
  if (!element) throw new Error(`demo: ${selector} is missing from the page`);
  return element;
}

await customElements.whenDefined('stream-chat');
const chat = $<HTMLElementTagNameMap['stream-chat']>('stream-chat');
const formatSelect = $<HTMLSelectElement>('#format');
const realBackend = $<HTMLLabelElement>('#real-backend');
const realToggle = $<HTMLInputElement>('#real-backend-toggle');
const statsToggle = $<HTMLInputElement>('#stats-toggle');
const badge = $<HTMLElement>('#backend-badge');
const log = $<HTMLOListElement>('#log');

chat.body = { mock_format: formatSelect.value, mock_scenario: 'normal' };

// ---- Wire format, theme and stats -----------------------------------------------------------

// Two more languages, to show that every string of the widget comes from `labels` and that a
// right-to-left page lays it out mirrored. (The mock's answers stay English.)
const translations: Record<string, Partial<StreamChatLabels>> = {
  en: {},
  es: {
    placeholder: 'Pregunta por tus operaciones…', message: 'Mensaje', conversation: 'Conversación',
    send: 'Enviar', stop: 'Detener', thinking: 'Pensando…', thought: 'Razonamiento', stopped: 'Detenido',
    cutOff: 'Respuesta cortada: el modelo alcanzó su límite.', retry: 'Reintentar', tools: 'Herramientas',
    toolRunning: 'en curso', toolDone: 'hecho', toolError: 'falló', sources: 'Fuentes', copy: 'Copiar',
    copied: 'Copiado', copyFailed: 'No se pudo copiar', copyCode: (lang) => `Copiar código ${lang}`.trim(),
    copyAnswer: 'Copiar respuesta', regenerate: 'Regenerar', loadImage: 'cargar imagen', image: 'Imagen',
    loadImageFrom: (host) => `Cargar la imagen de ${host}`, empty: 'Haz una pregunta para empezar.',
    answerReady: 'Respuesta:', openChat: 'Abrir chat', closeChat: 'Cerrar chat',
  },
  ar: {
    placeholder: 'اسأل عن عمليات التداول…', message: 'رسالة', conversation: 'المحادثة', send: 'إرسال',
    stop: 'إيقاف', thinking: 'يفكر…', thought: 'التفكير', stopped: 'توقف', cutOff: 'انقطعت الإجابة: بلغ النموذج حده.',
    retry: 'إعادة المحاولة', tools: 'الأدوات', toolRunning: 'قيد التشغيل', toolDone: 'تم', toolError: 'فشل',
    sources: 'المصادر', copy: 'نسخ', copied: 'تم النسخ', copyFailed: 'تعذّر النسخ', copyCode: () => 'نسخ الشيفرة',
    copyAnswer: 'نسخ الإجابة', regenerate: 'إعادة التوليد', loadImage: 'تحميل الصورة', image: 'صورة',
    loadImageFrom: (host) => `تحميل الصورة من ${host}`, empty: 'اطرح سؤالاً للبدء.', answerReady: 'الإجابة:',
    openChat: 'فتح المحادثة', closeChat: 'إغلاق المحادثة',
  },
};
const languageSelect = $<HTMLSelectElement>('#language');
const englishPlaceholder = chat.placeholder;
languageSelect.addEventListener('change', () => {
  const language = languageSelect.value;
  chat.labels = translations[language] ?? {};
  // The page's own English placeholder attribute would win over the translated label.
  chat.placeholder = language === 'en' ? englishPlaceholder : '';
  chat.setAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
  chat.setAttribute('lang', language);
});

formatSelect.addEventListener('change', () => {
  chat.body = { ...chat.body, mock_format: formatSelect.value };
  updateBadge();
});

function setTheme(theme: Theme): void {
  chat.theme = theme;
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) {
    button.setAttribute('aria-pressed', String(button.dataset.themeChoice === theme));
  }
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) {
  button.addEventListener('click', () => setTheme(button.dataset.themeChoice as Theme));
}
setTheme('auto');

statsToggle.checked = chat.showStats;
statsToggle.addEventListener('change', () => {
  chat.showStats = statsToggle.checked;
});

// ---- Questions and scenarios ----------------------------------------------------------------

let pendingScenario: Scenario | undefined;

/** Sends one question with a scenario; the scenario applies to that request only. */
async function ask(question: string, scenario: Scenario = 'normal'): Promise<void> {
  pendingScenario = scenario;
  chat.body = { ...chat.body, mock_scenario: scenario };
  try {
    await chat.send(question);
  } finally {
    // Usually already restored by the send listener below; this covers a send that never started.
    if (pendingScenario === scenario) restoreScenario();
  }
}

function restoreScenario(): void {
  pendingScenario = undefined;
  chat.body = { ...chat.body, mock_scenario: 'normal' };
}

// The request is built before stream-chat-send fires, so the scenario can be reset right away:
// a Retry (or the next message typed into the composer) goes out as a normal request.
chat.addEventListener('stream-chat-send', () => {
  if (pendingScenario) restoreScenario();
});

$<HTMLButtonElement>('#ask').addEventListener('click', () => void ask(SAMPLE_QUESTION));
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scenario]')) {
  const scenario = button.dataset.scenario as Scenario;
  button.addEventListener('click', () => void ask(scenarioQuestions[scenario], scenario));
}
$<HTMLButtonElement>('#clear').addEventListener('click', () => chat.clear());

// ---- The real backend, when the dev server has one ------------------------------------------

interface DemoConfig {
  openai: boolean;
  model?: string;
}

async function loadConfig(): Promise<DemoConfig> {
  try {
    const response = await fetch('/api/config');
    return response.ok ? ((await response.json()) as DemoConfig) : { openai: false };
  } catch {
    return { openai: false };
  }
}

const config = await loadConfig();
if (config.openai) {
  $<HTMLElement>('#real-backend-model').textContent = config.model ?? 'OpenAI';
  realBackend.hidden = false;
}

realToggle.addEventListener('change', () => {
  const real = realToggle.checked;
  chat.cancel();
  chat.endpoint = real ? OPENAI_ENDPOINT : MOCK_ENDPOINT;
  // The mock's knobs mean nothing to a real model.
  for (const control of document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('[data-mock-only]')) {
    control.disabled = real;
  }
  updateBadge();
});

function updateBadge(): void {
  badge.textContent = realToggle.checked
    ? `Real backend · ${config.model ?? 'OpenAI'}`
    : `Mock backend · ${formatSelect.value}`;
  badge.classList.toggle('live', realToggle.checked);
}
updateBadge();

// ---- Event log ------------------------------------------------------------------------------

const MAX_LOG_ENTRIES = 60;
let startedAt = performance.now();

function clip(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

function words(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

function seconds(since: number | undefined): string {
  return since === undefined ? '' : ` in ${((performance.now() - since) / 1000).toFixed(1)} s`;
}

let lastSend: number | undefined;

const summaries: { [K in keyof StreamChatEventMap]: (detail: StreamChatEventMap[K]['detail']) => string } = {
  'stream-chat-send': ({ message, request }) => {
    lastSend = performance.now();
    const { mock_format: format, mock_scenario: scenario } = request.body;
    const knobs = request.url === MOCK_ENDPOINT ? ` · ${String(format)}/${String(scenario)}` : '';
    return `“${clip(message.content, 44)}” → ${request.method} ${request.url}${knobs}`;
  },
  'stream-chat-complete': ({ message, conversationId }) => {
    const parts = [`${words(message.content)} words${seconds(lastSend)}`];
    if (message.finishReason === 'length') parts.push('cut off');
    if (message.reasoning) parts.push(`thought ${words(message.reasoning)} words`);
    if (message.tools?.length) parts.push(`tool ${message.tools.map((tool) => tool.name).join(', ')}`);
    if (message.sources?.length) parts.push(`${message.sources.length} source${message.sources.length === 1 ? '' : 's'}`);
    if (message.warnings?.length) parts.push(`${message.warnings.length} warning`);
    if (conversationId) parts.push(`conversation ${conversationId}`);
    return parts.join(' · ');
  },
  'stream-chat-error': ({ error, message }) => {
    const status = error.status ? ` ${error.status}` : '';
    const kept = message.content ? ` · kept ${words(message.content)} words` : '';
    return `${error.kind}${status}: ${clip(error.serverMessage ?? error.message, 70)}${kept}`;
  },
  'stream-chat-cancel': ({ message }) => `stopped after ${words(message.content)} words${seconds(lastSend)}`,
  'stream-chat-copy': ({ text, source }) => `copied ${source === 'code' ? 'a code block' : 'the answer'} (${text.length} characters)`,
  'stream-chat-regenerate': ({ message }) => `replacing an answer of ${words(message.content)} words`,
};

function addLogEntry(name: keyof StreamChatEventMap, summary: string): void {
  log.querySelector('.log-empty')?.remove();
  const entry = document.createElement('li');
  entry.className = `log-entry ${name.replace('stream-chat-', 'is-')}`;
  const time = document.createElement('time');
  time.textContent = `${((performance.now() - startedAt) / 1000).toFixed(1).padStart(5, ' ')} s`;
  const label = document.createElement('span');
  label.className = 'log-name';
  label.textContent = name;
  const text = document.createElement('span');
  text.className = 'log-summary';
  text.textContent = summary;
  entry.append(time, label, text);
  log.prepend(entry);
  while (log.children.length > MAX_LOG_ENTRIES) log.lastElementChild?.remove();
}

for (const name of Object.keys(summaries) as (keyof StreamChatEventMap)[]) {
  chat.addEventListener(name, (event) => {
    const summarize = summaries[name] as (detail: unknown) => string;
    addLogEntry(name, summarize(event.detail));
  });
}

$<HTMLButtonElement>('#clear-log').addEventListener('click', () => {
  const empty = document.createElement('li');
  empty.className = 'log-empty';
  empty.textContent = 'Events the element fires appear here.';
  log.replaceChildren(empty);
  startedAt = performance.now();
});
