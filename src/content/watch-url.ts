// SPA route changes. A content script cannot see the page's pushState, so it
// listens to the Navigation API where there is one and polls location as a
// fallback. Pure in-page anchors (#section) are not a new route.
const POLL_MS = 1000;

export function routeKey(href: string): string {
  const url = new URL(href);
  // Hash routers (#/path, #!/path) change routes through the hash.
  const hash = /^#!?\//.test(url.hash) ? url.hash : '';
  return url.origin + url.pathname + url.search + hash;
}

export function watchRoute(onChange: () => void, signal: AbortSignal): void {
  let last = routeKey(location.href);
  const check = () => {
    const now = routeKey(location.href);
    if (now !== last) {
      last = now;
      onChange();
    }
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('currententrychange', check, { signal });
  window.addEventListener('popstate', check, { signal });
  window.addEventListener('hashchange', check, { signal });
  const timer = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
