// The hosts this document loaded resources from (scripts, styles, fonts,
// images, API calls), from Resource Timing: no extra permission, no request
// of our own. Counts per host; the background maps hosts to providers.
const MAX_HOSTS = 500;

export function watchResourceHosts(onChange: (hosts: Record<string, number>) => void, signal: AbortSignal): void {
  if (typeof PerformanceObserver !== 'function') return;
  const counts = new Map<string, number>();
  const own = location.hostname;
  const take = (entries: PerformanceEntryList) => {
    let changed = false;
    for (const entry of entries) {
      let host: string;
      try {
        const url = new URL(entry.name);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
        host = url.hostname.toLowerCase();
      } catch {
        continue;
      }
      // A host name cannot be longer than 253 characters (DNS): such an entry is skipped, not reported.
      if (host === own || host.length > 253 || (!counts.has(host) && counts.size >= MAX_HOSTS)) continue;
      counts.set(host, (counts.get(host) ?? 0) + 1);
      changed = true;
    }
    if (changed) onChange(Object.fromEntries(counts));
  };
  try {
    const observer = new PerformanceObserver((list) => take(list.getEntries()));
    // buffered: entries from before the script ran (it runs at document_idle).
    observer.observe({ type: 'resource', buffered: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  } catch {
    // Resource Timing unavailable: the section stays empty.
  }
}
