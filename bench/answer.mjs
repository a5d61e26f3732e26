// Deterministic, LLM-shaped markdown for the benchmark: the same seed gives the same answer, the
// same tokens and the same conversation on every machine, so runs can be compared over time.
// The mix (prose with inline markup, nested lists, tables, quotes, fenced code in five languages)
// is what makes incremental rendering hard: lists and code blocks stay open across many tokens.

const fence = '```';

/** mulberry32: tiny, fast and good enough to pick words; Math.random cannot be seeded. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const subjects = [
  'The cache', 'Each worker', 'The scheduler', 'This approach', 'The query planner', 'A retry policy',
  'The ingestion job', 'Your service', 'The client', 'The index', 'The connection pool', 'The reducer',
  'A circuit breaker', 'The rate limiter', 'The event loop', 'The migration',
];
const verbs = [
  'keeps', 'reduces', 'avoids', 'batches', 'tracks', 'invalidates', 'streams', 'serializes',
  'deduplicates', 'validates', 'amortizes', 'bounds', 'isolates', 'surfaces',
];
const objects = [
  'the hot path', 'every request', 'stale entries', 'the write-ahead log', 'connection churn',
  'the p99 latency', 'partial results', 'schema drift', 'backpressure', 'idempotency keys',
  'lock contention', 'memory growth', 'duplicate events', 'slow consumers',
];
const tails = [
  'under load', 'without extra locking', 'across restarts', 'when the queue backs up',
  'in a single pass', 'before the response is sent', 'so retries stay safe', 'at the cost of some memory',
  'for most workloads', 'once the data set outgrows RAM', 'even on a cold start',
];
const identifiers = [
  'max_retries', 'batchSize', 'flush()', 'Promise.all', 'SELECT ... FOR UPDATE', 'asyncio.gather',
  'AbortController', 'EXPLAIN ANALYZE', 'ttl_seconds', 'useMemo', 'pg_stat_activity', 'set -euo pipefail',
  'Cache-Control', 'workers=4', 'json.loads', 'O(n log n)',
];
const topics = [
  'Caching strategy', 'Handling retries', 'Schema design', 'Measuring latency', 'Deployment steps',
  'Error handling', 'Pagination', 'Backfilling data', 'Observability', 'Concurrency limits',
  'Testing the pipeline', 'Configuration', 'Security considerations', 'Cost and trade-offs',
  'Rolling back safely', 'Indexing',
];
const linkTargets = ['docs', 'guide/retries', 'reference/api', 'blog/postmortem', 'rfc/7234', 'handbook/oncall'];

function sentence(r) {
  let object = r.pick(objects);
  let tail = r.pick(tails);
  if (r.chance(0.3)) object = `**${object}**`;
  if (r.chance(0.2)) tail = `_${tail}_`;
  let text = `${r.pick(subjects)} ${r.pick(verbs)} ${object} ${tail}`;
  if (r.chance(0.35)) text += `, which is why \`${r.pick(identifiers)}\` matters here`;
  if (r.chance(0.15)) text += ` (see [the ${r.pick(['docs', 'guide', 'reference'])}](https://example.com/${r.pick(linkTargets)}))`;
  return `${text}.`;
}

function paragraph(r, min = 2, max = 5) {
  const count = r.int(min, max);
  return Array.from({ length: count }, () => sentence(r)).join(' ');
}

function phrase(r) {
  const text = `${r.pick(subjects)} ${r.pick(verbs)} ${r.pick(objects)}`;
  return r.chance(0.5) ? `${text} ${r.pick(tails)}` : text;
}

function bulletList(r) {
  const lines = [];
  for (let i = 0, n = r.int(3, 6); i < n; i++) {
    const lead = r.chance(0.4) ? `**${r.pick(objects)}**: ` : '';
    lines.push(`- ${lead}${phrase(r)}.`);
    if (r.chance(0.3)) {
      for (let j = 0, m = r.int(1, 3); j < m; j++) lines.push(`  - ${phrase(r)}; use \`${r.pick(identifiers)}\`.`);
    }
  }
  return lines.join('\n');
}

function numberedList(r) {
  const lines = [];
  for (let i = 1, n = r.int(3, 6); i <= n; i++) {
    lines.push(`${i}. ${sentence(r)}`);
    if (r.chance(0.3)) {
      for (let j = 0, m = r.int(1, 2); j < m; j++) lines.push(`   - ${phrase(r)}.`);
    }
  }
  return lines.join('\n');
}

function table(r) {
  const rows = r.int(5, 10);
  const lines = ['| Setting | Default | Recommended | Why |', '|---|---:|---:|---|'];
  for (let i = 0; i < rows; i++) {
    const name = r.pick(identifiers).replace(/\|/g, '');
    const base = r.int(1, 64) * 10;
    lines.push(`| \`${name}\` | ${base} | ${base * r.int(2, 8)} | ${phrase(r)} |`);
  }
  return lines.join('\n');
}

function blockquote(r) {
  const label = r.pick(['Note', 'Warning', 'Tip', 'Important']);
  const lines = [`> **${label}:** ${sentence(r)}`];
  if (r.chance(0.5)) lines.push('>', `> ${sentence(r)}`);
  return lines.join('\n');
}

function pythonCode(r, lines) {
  const fn = r.pick(['fetch_batch', 'retry_with_backoff', 'summarize_runs', 'load_events', 'compact_log']);
  const out = [
    'import asyncio',
    'import json',
    'from dataclasses import dataclass',
    '',
    '',
    '@dataclass',
    'class Config:',
    `    max_retries: int = ${r.int(2, 9)}`,
    `    timeout_s: float = ${r.int(1, 30)}.0`,
    '',
    '',
    `async def ${fn}(client, items: list[dict], config: Config) -> dict:`,
    `    """${phrase(r)}."""`,
    '    results: dict[str, int] = {}',
  ];
  for (let k = 1; k === 1 || out.length + 9 <= lines; k++) {
    out.push(
      `    for attempt in range(config.max_retries):  # ${phrase(r).toLowerCase()}`,
      '        try:',
      `            payload = await client.get(f"/items/{items[${k % 7}]['id']}", timeout=config.timeout_s)`,
      `            results["batch_${k}"] = len(json.loads(payload))`,
      '            break',
      '        except TimeoutError:',
      `            await asyncio.sleep(2 ** attempt * 0.${r.int(1, 9)})`,
    );
  }
  out.push('    return results');
  return out.join('\n');
}

function typescriptCode(r, lines) {
  const name = r.pick(['createQueue', 'withRetry', 'parseEvents', 'useStream', 'batchWrites']);
  const out = [
    "import { setTimeout as sleep } from 'node:timers/promises';",
    '',
    'export interface Options {',
    `  concurrency: number; // default ${r.int(2, 16)}`,
    '  signal?: AbortSignal;',
    '}',
    '',
    `export async function ${name}<T>(tasks: Array<() => Promise<T>>, options: Options): Promise<T[]> {`,
    '  const results: T[] = new Array(tasks.length);',
    '  let next = 0;',
  ];
  for (let k = 1; k === 1 || out.length + 10 <= lines; k++) {
    out.push(
      `  // ${phrase(r)}`,
      `  const worker${k} = async (): Promise<void> => {`,
      '    while (next < tasks.length && !options.signal?.aborted) {',
      '      const index = next++;',
      `      results[index] = await tasks[index]().catch(async (error: unknown) => { await sleep(${r.int(10, 500)}); throw error; });`,
      '    }',
      '  };',
    );
  }
  out.push('  await Promise.all(Array.from({ length: options.concurrency }, () => worker1()));', '  return results;', '}');
  return out.join('\n');
}

function sqlCode(r, lines) {
  const out = [
    `-- ${phrase(r)}`,
    'WITH recent AS (',
    '  SELECT r.id, r.strategy, r.started_at',
    '  FROM runs r',
    `  WHERE r.started_at >= now() - interval '${r.int(1, 30)} days'`,
    ')',
    'SELECT recent.id,',
    '       recent.strategy,',
  ];
  for (let k = 1; k === 1 || out.length + 9 <= lines; k++) {
    out.push(`       SUM(CASE WHEN t.side = 'buy' THEN t.qty * ${k} ELSE 0 END) AS metric_${k},`);
  }
  out.push(
    '       COUNT(*) AS trades',
    'FROM recent',
    'JOIN trades t ON t.run_id = recent.id',
    "WHERE t.status <> 'cancelled'",
    'GROUP BY recent.id, recent.strategy',
    `HAVING COUNT(*) > ${r.int(5, 500)}`,
    'ORDER BY trades DESC',
    `LIMIT ${r.int(10, 100)};`,
  );
  return out.join('\n');
}

function bashCode(r, lines) {
  const out = ['#!/usr/bin/env bash', 'set -euo pipefail', '', `REGION="${r.pick(['eu-west-1', 'us-east-2', 'ap-south-1'])}"`, 'LOG_DIR="${LOG_DIR:-/var/log/app}"', ''];
  for (let k = 1; k === 1 || out.length + 6 <= lines; k++) {
    out.push(
      `# ${phrase(r)}`,
      `for host in $(grep -v '^#' hosts-${k}.txt); do`,
      `  ssh "$host" "sudo systemctl restart app@${k} && journalctl -u app@${k} -n ${r.int(20, 200)}" \\`,
      `    | tee -a "$LOG_DIR/restart-${k}.log" || echo "failed: $host" >&2`,
      'done',
    );
  }
  out.push('echo "done in ${SECONDS}s"');
  return out.join('\n');
}

function jsonCode(r, lines) {
  const out = ['{', `  "service": "${r.pick(['ingest', 'billing', 'search', 'gateway'])}",`, `  "version": "${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)}",`, '  "limits": {'];
  for (let k = 1; k === 1 || out.length + 7 <= lines; k++) {
    out.push(`    "rule_${k}": { "max_rps": ${r.int(10, 5000)}, "burst": ${r.int(1, 100)}, "enabled": ${r.chance(0.7)} },`);
  }
  out[out.length - 1] = out[out.length - 1].replace(/,$/, '');
  out.push('  },', '  "retry": {', `    "max_attempts": ${r.int(2, 8)},`, `    "backoff_ms": [${r.int(50, 200)}, ${r.int(200, 800)}, ${r.int(800, 3000)}]`, '  }', '}');
  return out.join('\n');
}

const codeWriters = { python: pythonCode, typescript: typescriptCode, sql: sqlCode, bash: bashCode, json: jsonCode };

/** The languages the generated answers use, for the naive page's highlight.js bundle. */
export const languages = Object.keys(codeWriters);

function codeBlock(r, min = 10, max = 40, language = r.pick(languages)) {
  return `${fence}${language}\n${codeWriters[language](r, r.int(min, max))}\n${fence}`;
}

/** The first few lines of a generated block: enough code to highlight in a short answer. */
function snippet(r) {
  const language = r.pick(languages);
  const lines = codeWriters[language](r, 12).split('\n').slice(0, r.int(4, 7));
  return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}

function section(r, index, nextLanguage) {
  const level = r.chance(0.7) ? '##' : '###';
  const blocks = [`${level} ${index + 1}. ${topics[index % topics.length]}`, paragraph(r)];
  const kinds = ['bullets', 'code', 'numbered', 'table', 'quote', 'code'];
  // Two to four rich blocks per section, starting at a different kind each time so every kind
  // shows up in both the first and the last 10% of the answer.
  for (let i = 0, n = r.int(2, 4); i < n; i++) {
    const kind = kinds[(index + i * 2) % kinds.length];
    if (kind === 'bullets') blocks.push(bulletList(r));
    else if (kind === 'numbered') blocks.push(numberedList(r));
    else if (kind === 'table') blocks.push(table(r));
    else if (kind === 'quote') blocks.push(blockquote(r));
    else blocks.push(codeBlock(r, 10, 40, nextLanguage()));
    if (r.chance(0.6)) blocks.push(paragraph(r, 1, 3));
  }
  return blocks.join('\n\n');
}

/** A markdown answer of about `bytes` bytes (it stops after the section that crosses the size). */
export function generateAnswer(bytes, seed = 1) {
  const r = createRandom(seed);
  const parts = [`Here's a practical walkthrough. ${paragraph(r, 2, 3)}`];
  let length = parts[0].length;
  const closing = '## Summary\n\nIn short: measure first, change one thing at a time, and keep the rollback path tested.';
  // Languages take turns, so even the short answer shows all five.
  let blocks = 0;
  const nextLanguage = () => languages[blocks++ % languages.length];
  for (let index = 0; length + closing.length < bytes; index++) {
    const next = section(r, index, nextLanguage);
    parts.push(next);
    length += next.length + 2;
  }
  parts.push(closing);
  return parts.join('\n\n') + '\n';
}

/**
 * Splits text into LLM-sized tokens: 1 to 7 characters, about 4 on average, cut anywhere (inside
 * words, `**` markers and code fences), as a model's tokenizer would from the renderer's view.
 */
export function tokenize(text, seed = 2) {
  const r = createRandom(seed);
  const sizes = [1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 6, 7];
  const tokens = [];
  for (let i = 0; i < text.length; ) {
    const size = r.pick(sizes);
    tokens.push(text.slice(i, i + size));
    i += size;
  }
  return tokens;
}

/**
 * An earlier conversation to restore: alternating questions and answers, the answers 300-800
 * characters of markdown, every third one with a short code block.
 */
export function generateConversation(count, seed = 3) {
  const r = createRandom(seed);
  const messages = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      messages.push({ id: `h${i}`, role: 'user', content: `How should ${r.pick(subjects).toLowerCase()} handle ${r.pick(objects)}?`, status: 'complete' });
      continue;
    }
    const target = r.int(300, 800);
    const parts = [paragraph(r, 1, 2)];
    if (i % 6 === 1) parts.push(snippet(r));
    else parts.push(r.chance(0.5) ? bulletList(r) : numberedList(r));
    // A long list can overshoot; drop whole items rather than cut one in half.
    const lines = parts.join('\n\n').split('\n');
    while (lines.join('\n').length > 800 && !lines.at(-1).startsWith(fence)) lines.pop();
    let content = lines.join('\n');
    while (content.length < target) {
      const next = paragraph(r, 1, 2);
      if (content.length + next.length + 2 > 800) break;
      content += `\n\n${next}`;
    }
    messages.push({ id: `h${i}`, role: 'assistant', content, status: 'complete' });
  }
  return messages;
}
