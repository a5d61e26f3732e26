// fetch follows redirects on its own and, after 20, fails with the same bare TypeError as a
// server that is down: a redirect loop (a login or trailing-slash rule sending the POST round in
// circles) would read "Could not reach the server". Only a second look tells them apart.

/**
 * Whether a same-origin `url` answers with a redirect: one GET that does not follow it. Asked
 * only after a request failed without any response, and never of another origin, where it would
 * be a request the page did not make (and, without CORS, could not read anyway).
 */
export async function redirectsAway(url: string, credentials: RequestCredentials | undefined, signal: AbortSignal): Promise<boolean> {
  let target: URL;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return false;
  }
  if (target.origin !== location.origin) return false;
  try {
    const response = await globalThis.fetch(target.href, { method: 'GET', redirect: 'manual', credentials, signal, cache: 'no-store' });
    void response.body?.cancel().catch(() => undefined);
    return response.type === 'opaqueredirect';
  } catch {
    return false;
  }
}
