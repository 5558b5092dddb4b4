// Runs the next slice when the page is idle (at the latest after 500 ms), so a
// long scan never competes with the page's own work.
export function scheduleSlice(fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout: 500 });
    signal.addEventListener('abort', () => cancelIdleCallback(id), { once: true });
  } else {
    const id = setTimeout(fn, 1);
    signal.addEventListener('abort', () => clearTimeout(id), { once: true });
  }
}
