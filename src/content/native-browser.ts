// The content script's `browser`: the native API (Firefox's `browser`, or
// Chrome's promise-returning `chrome` in MV3) instead of webextension-polyfill,
// which would add ~10 KB to a script that runs on every page. The content
// script only uses calls that return promises natively in both browsers, and
// its message listener never replies. The build aliases the polyfill to this.
const api = (globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome;
export default api as typeof import('webextension-polyfill');
