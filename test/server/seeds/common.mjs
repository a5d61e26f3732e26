// What the five seed backends (test/server/seeds/*.mjs) share: reading a request, a log of what
// each backend received and whether each of its writes reached the client, and writes that say
// so. Every backend is mounted under /seed/<name>/ by test/server/seeds/index.mjs, and its log is
// at GET /seed/<name>/log (DELETE empties it). Entries carry the request's `message`, so a test
// finds its own request by the (unique) message it sent.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readJson(req) {
  const parts = [];
  for await (const part of req) parts.push(part);
  const raw = Buffer.concat(parts).toString('utf8');
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** One backend's log: every request, what it carried and how its response went. */
export class Log {
  entries = [];

  /** A new entry for a request; `outcome` is set to `finished` or `closed` (by the client) when it ends. */
  begin(req, body) {
    const entry = {
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization ?? null,
      contentType: req.headers['content-type'] ?? null,
      body,
      writes: [],
      outcome: undefined,
    };
    this.entries.push(entry);
    return entry;
  }
}

/**
 * The response side of one request: writes that resolve to whether the bytes went out (false once
 * the client has closed the connection), recorded in `entry.writes` under a label.
 */
export class Reply {
  constructor(res, entry) {
    this.res = res;
    this.entry = entry;
    this.gone = false;
    res.on('close', () => {
      if (!res.writableEnded) {
        this.gone = true;
        entry.outcome ??= 'closed';
      }
    });
  }

  head(status, headers) {
    this.res.writeHead(status, headers);
    this.res.flushHeaders();
  }

  /** Writes `text`; resolves true once it is handed to the connection, false if the client is gone. */
  write(text, label = text) {
    const res = this.res;
    return new Promise((resolve) => {
      const record = (ok) => {
        this.entry.writes.push({ label, ok });
        resolve(ok);
      };
      if (this.gone || res.destroyed || res.writableEnded) return record(false);
      res.write(text, (error) => record(!error && !this.gone));
    });
  }

  /** Sleeps, waking early when the client goes away; resolves whether the client is still there. */
  async wait(ms) {
    for (const end = Date.now() + ms; Date.now() < end && !this.gone; ) await sleep(Math.min(10, end - Date.now()));
    return !this.gone;
  }

  end() {
    if (this.gone || this.res.destroyed) return;
    this.entry.outcome = 'finished';
    this.res.end();
  }

  json(status, value, headers = {}) {
    this.head(status, { 'content-type': 'application/json', ...headers });
    this.res.write(JSON.stringify(value));
    this.end();
  }
}

/** Splits an answer into the word-sized tokens an LLM would stream (spaces kept). */
export function tokens(text) {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Gates a test can open: a backend awaiting `gate(key)` waits until the test POSTs
 * /seed/gate/<key> (or 10 s pass), standing for I/O whose end the test controls.
 */
const gates = new Map();
export function gate(key) {
  let entry = gates.get(key);
  if (!entry) {
    let open;
    const promise = new Promise((resolve) => (open = resolve));
    entry = { promise, open };
    gates.set(key, entry);
  }
  return Promise.race([entry.promise, sleep(10000)]);
}
export function openGate(key) {
  gate(key);
  gates.get(key).open();
}
