// The UI language for Intl formatting, typed for the UI helpers.
import { uiLanguage } from '../shared/i18n';
import type { UiLang } from './format';

export function displayLanguage(): UiLang {
  return uiLanguage();
}
