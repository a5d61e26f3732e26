/**
 * Remembers a lazily imported chunk while it loads and once it has loaded, and forgets a failed
 * load, so the next need tries again: a page opened offline, a proxy that dropped one request,
 * a chunk blocked for a moment. Without this the first failure would stick until the page reloads.
 * Browsers no longer remember a failed `import()` either (Chromium 156 here fetches the same URL
 * again), so retrying the same specifier is enough.
 */
export function retryingImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      const attempt = load();
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
