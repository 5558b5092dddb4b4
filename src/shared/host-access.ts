// Firefox treats MV3 host permissions (our content script's http/https
// matches) as something the person grants, and may revoke. Without it the
// extension sees no page: detect that and ask with one click.
import browser from 'webextension-polyfill';

export const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

export function isFirefox(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}

export async function hasHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: PAGE_ORIGINS });
  } catch {
    return false;
  }
}

/** Must run inside a user gesture (a click handler), without awaiting anything first. */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: PAGE_ORIGINS }).catch(() => false);
}
