// After an install or an update, Chrome does not run the content script in
// tabs that are already open (Firefox does): inject it there, so the new
// version takes over from the old one at once (src/content/takeover.ts)
// instead of leaving tabs unscanned until they reload.
import browser from 'webextension-polyfill';

/** Firefox injects manifest content scripts into open tabs by itself. */
const injectsByItself = () => browser.runtime.getURL('').startsWith('moz-extension:');

export async function injectIntoOpenTabs(): Promise<number> {
  const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file || !browser.scripting || injectsByItself()) return 0;
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  const done = await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined || tab.discarded
        ? false
        : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [file] }).then(
            () => true,
            // Pages we may not script (the web store, error pages): skip quietly.
            () => false,
          ),
    ),
  );
  return done.filter(Boolean).length;
}
