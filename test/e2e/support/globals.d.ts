// `chrome` as seen inside the extension's service worker (page.evaluate bodies).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;
