// The badge is a pure function of the tab's findings: count + worst colour.
import browser from 'webextension-polyfill';
import type { Level } from '../core/assess';
import { isolate } from '../core/normalize';
import { t } from '../shared/i18n';

/** Colours paired with text everywhere else; contrast ≥ 4.5:1 with white. */
export const LEVEL_COLOURS: Record<Level, string> = {
  high: '#B3261E',
  medium: '#8A5300',
  unknown: '#55595E',
  low: '#1B6B30',
};

export interface BadgeState {
  count: number;
  level: Level | null;
  names: string[];
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export async function setBadge(tabId: number, state: BadgeState): Promise<void> {
  const text = badgeText(state.count);
  const title = state.count === 0 ? t('actionTitle') : t('actionTitleFound', [String(state.count), state.names.slice(0, 10).map(isolate).join(', ')]);
  const calls: Promise<unknown>[] = [browser.action.setBadgeText({ tabId, text }), browser.action.setTitle({ tabId, title })];
  if (state.level) {
    calls.push(browser.action.setBadgeBackgroundColor({ tabId, color: LEVEL_COLOURS[state.level] }));
    if (browser.action.setBadgeTextColor) calls.push(browser.action.setBadgeTextColor({ tabId, color: '#FFFFFF' }));
  }
  // The tab may have closed meanwhile: nothing to update then.
  await Promise.all(calls).catch(() => undefined);
}
