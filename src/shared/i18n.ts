// UI strings come from _locales/{en,fr}/messages.json through browser.i18n,
// so the UI follows the browser's language. Keys are typed from English.
import browser from 'webextension-polyfill';
import type en from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * The language the UI is actually shown in. The messages file says which one
 * it is: `@@ui_locale` does not always agree with the file the browser picked
 * (Chromium started with --lang=fr reports "en_US" and serves fr messages).
 */
export function uiLanguage(): 'fr' | 'en' {
  const code = browser.i18n.getMessage('uiLanguageCode');
  if (code === 'fr' || code === 'en') return code;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
