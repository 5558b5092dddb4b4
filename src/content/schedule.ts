// Runs the next slice when the page is idle (at the latest after 500 ms), so a
// long scan never competes with the page's own work. The abort listener lives
// only as long as its slice is pending.
export function scheduleSlice(fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let cancel: () => void;
  const run = () => {
    signal.removeEventListener('abort', cancel);
    fn();
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 500 });
    cancel = () => cancelIdleCallback(id);
  } else {
    const id = setTimeout(run, 1);
    cancel = () => clearTimeout(id);
  }
  signal.addEventListener('abort', cancel, { once: true });
}
