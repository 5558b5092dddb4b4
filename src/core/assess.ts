// One concern-level model for badge, popup, warning and report
// (high, medium, unknown, low: worst first). Pure functions: no DOM, no browser APIs.
import type { HdsStatus, Provider, SecNumCloudStatus } from '../data/schema';

export const LEVELS = ['high', 'medium', 'unknown', 'low'] as const;
export type Level = (typeof LEVELS)[number];

/** Higher is worse. `unknown` ranks above `low`: we cannot vouch for it. */
const RANK: Record<Level, number> = { low: 0, unknown: 1, medium: 2, high: 3 };

/** Laws other than the US ones that compel a provider to cooperate with intelligence services. */
const OTHER_COMPELLING_LAWS = new Set(['cn-nil-2017']);

export const EXPIRY_WARNING_DAYS = 90;

export function providerLevel(p: Pick<Provider, 'cloudAct'>): Level {
  const { status, laws } = p.cloudAct;
  if (status === 'exposed' || laws.some((law) => OTHER_COMPELLING_LAWS.has(law))) return 'high';
  if (status === 'partial') return 'medium';
  if (status === 'not-exposed') return 'low';
  return 'unknown';
}

export function worstLevel(levels: Iterable<Level>): Level | null {
  let worst: Level | null = null;
  for (const level of levels) if (worst === null || RANK[level] > RANK[worst]) worst = level;
  return worst;
}

export function compareLevels(a: Level, b: Level): number {
  return RANK[b] - RANK[a];
}

/** Validity of a dated label: a date past today counts as absent ("expired"). */
export type Validity = 'valid' | 'expires-soon' | 'expired' | 'undated';

export function validity(validUntil: string | null, today: string): Validity {
  if (!validUntil) return 'undated';
  if (validUntil < today) return 'expired';
  return daysBetween(today, validUntil) <= EXPIRY_WARNING_DAYS ? 'expires-soon' : 'valid';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export interface HdsView {
  /** The contract's value (`data-hds`): an expired certificate is `not-certified`. */
  status: HdsStatus;
  validity: Validity;
}

export function hdsView(p: Pick<Provider, 'hds'>, today: string): HdsView {
  const v = p.hds.status === 'certified' ? validity(p.hds.validUntil, today) : 'undated';
  return { status: v === 'expired' ? 'not-certified' : p.hds.status, validity: v };
}

export interface SecNumCloudView {
  status: SecNumCloudStatus;
  /** `expired` when every qualified service with a date is past it. */
  validity: Validity;
}

export function secNumCloudView(p: Pick<Provider, 'secnumcloud'>, today: string): SecNumCloudView {
  const { status, services } = p.secnumcloud;
  if (status !== 'qualified') return { status, validity: 'undated' };
  const dated = services.filter((s) => s.validUntil);
  if (dated.length === 0 || dated.length < services.length) return { status, validity: 'undated' };
  const validities = dated.map((s) => validity(s.validUntil, today));
  if (validities.every((x) => x === 'expired')) return { status: 'not-qualified', validity: 'expired' };
  return { status, validity: validities.includes('expires-soon') ? 'expires-soon' : 'valid' };
}

export interface Assessment {
  provider: Provider;
  level: Level;
  hds: HdsView;
  secnumcloud: SecNumCloudView;
}

export function assess(provider: Provider, today: string): Assessment {
  return { provider, level: providerLevel(provider), hds: hdsView(provider, today), secnumcloud: secNumCloudView(provider, today) };
}

export interface PageAssessment {
  level: Level | null;
  /** Worst first, then by name. */
  providers: Assessment[];
}

export function assessPage(providers: readonly Provider[], today: string): PageAssessment {
  const assessed = providers.map((p) => assess(p, today));
  assessed.sort((a, b) => compareLevels(a.level, b.level) || a.provider.name.localeCompare(b.provider.name));
  return { level: worstLevel(assessed.map((a) => a.level)), providers: assessed };
}

/** Today's date as YYYY-MM-DD in UTC (the data's dates are calendar dates). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
