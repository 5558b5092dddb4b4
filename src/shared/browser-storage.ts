// The extension's storage: storage.local through the one storage module.
import browser from 'webextension-polyfill';
import { createStorage } from './storage';

export const storage = createStorage(browser.storage.local);
export { onStoredChange } from './storage-events';
