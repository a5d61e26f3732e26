// Reading the seed backends' logs (test/server/seeds/) from the browser tests.
import { PATIENCE } from './support.js';

export interface SeedWrite {
  label: string;
  ok: boolean;
}

export interface SeedEntry {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: Record<string, unknown> | undefined;
  writes: SeedWrite[];
  /** `finished` (the server ended the response) or `closed` (the client closed it first); undefined while it runs. */
  outcome?: 'finished' | 'closed';
  [key: string]: unknown;
}

/** A message no other test sends, so a test finds its own requests in a backend's log. */
export function uniqueMessage(text: string): string {
  return `${text} [${Math.random().toString(36).slice(2, 8)}]`;
}

/** The requests `backend` received whose message (in the body or query) contains `marker`. */
export async function seedRequests(backend: string, marker: string): Promise<SeedEntry[]> {
  const entries: SeedEntry[] = await (await fetch(`/seed/${backend}/log`)).json();
  return entries.filter((entry) => {
    const message = entry.body?.message ?? new URL(entry.url, location.origin).searchParams.get('message') ?? '';
    return String(message).includes(marker);
  });
}

/**
 * Polls the log until `predicate` holds for the requests carrying `marker` (the server learns of a
 * close a little later); gives up with the log after PATIENCE ms, a hang detector, not a speed check.
 */
export async function seedRequestsWhen(
  backend: string,
  marker: string,
  predicate: (entries: SeedEntry[]) => boolean,
  timeout = PATIENCE,
): Promise<SeedEntry[]> {
  const start = performance.now();
  for (;;) {
    const entries = await seedRequests(backend, marker);
    if (predicate(entries)) return entries;
    if (performance.now() - start > timeout) {
      throw new Error(`timed out waiting on ${backend}'s log: ${JSON.stringify(entries)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets a seed backend waiting on the gate `key` go on (its awaited I/O ends). */
export async function openGate(key: string): Promise<void> {
  await fetch(`/seed/gate/${encodeURIComponent(key)}`, { method: 'POST' });
}
