// Pure checks behind `npm run data:check` (scripts/data-check.ts): expired and
// expiring labels, stale sources, the unknown share per field and the sources
// by kind. No clock and no I/O here: `today` is always passed in, so the
// checks are deterministic and testable with fixture datasets.
import { EXPIRY_WARNING_DAYS, validity } from '../src/core/assess';
import { hdsCertificateState, hdsGaps, secNumCloudGaps } from '../src/core/evidence';
import type { Dataset, Provider, Source, SourceKind } from '../src/data/schema';
import { sourceProblems } from '../src/data/source-audit';
import { hasStrongSource } from '../src/data/source-policy';

/** A claim whose newest source is older than this is stale. */
export const STALE_AFTER_MONTHS = 12;
/** Target maximum share of `unknown` for the fields a user asks first. */
export const UNKNOWN_TARGET = 0.1;
export const TARGET_FIELDS = ['hq', 'parent', 'cloudAct'] as const;
export const UNKNOWN_FIELDS = ['hq', 'parent', 'cloudAct', 'hds', 'secnumcloud'] as const;
export type UnknownField = (typeof UNKNOWN_FIELDS)[number];
export type ClaimField = 'jurisdiction' | 'cloudAct' | 'hds' | 'secnumcloud';

export interface LabelFinding {
  id: string;
  label: 'HDS' | 'SecNumCloud';
  /** The certificate or the qualified service concerned. */
  subject: string;
  validUntil: string;
}

export interface StaleFinding {
  id: string;
  claim: ClaimField;
  url: string;
  verified: string;
}

export interface FutureFinding extends StaleFinding {}

export interface UnknownShare {
  field: UnknownField;
  unknown: number;
  total: number;
  /** Provider ids counted as unknown, sorted. */
  ids: string[];
  /** Only for hq, parent and cloudAct. */
  target: number | null;
  meetsTarget: boolean | null;
}

export interface SourceKindCount {
  kind: SourceKind | 'unspecified';
  /** Every citation, a URL cited by two claims counting twice. */
  citations: number;
  /** Distinct URLs. */
  urls: number;
}

export interface DataCheckReport {
  version: string;
  today: string;
  providers: number;
  expired: LabelFinding[];
  expiringSoon: LabelFinding[];
  stale: StaleFinding[];
  verifiedInFuture: FutureFinding[];
  unknown: UnknownShare[];
  sources: SourceKindCount[];
  evidence: EvidenceReport;
  /** Blocking problems: expired labels still shown as valid, sources dated after today. */
  errors: string[];
  /** Over-target unknown shares: blocking only with --strict. */
  targetMisses: string[];
}

export interface DataCheckOptions {
  today: string;
  staleAfterMonths?: number;
  expiryWarningDays?: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function assertIso(date: string, what: string): void {
  if (!ISO.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`${what} must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** `date` minus `months` calendar months, clamped to the month's last day (2027-02-28 for 2028-02-29 − 12). */
export function subtractMonths(date: string, months: number): string {
  assertIso(date, 'date');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function claimsOf(p: Provider): [ClaimField, { sources: Source[] }][] {
  return [
    ['jurisdiction', p.jurisdiction],
    ['cloudAct', p.cloudAct],
    ['hds', p.hds],
    ['secnumcloud', p.secnumcloud],
  ];
}

/** Dated labels still shown as valid: a certified HDS certificate, each service of a qualified SecNumCloud status. */
function datedLabels(p: Provider): LabelFinding[] {
  const out: LabelFinding[] = [];
  if (p.hds.status === 'certified' && p.hds.validUntil) {
    out.push({ id: p.id, label: 'HDS', subject: p.hds.certificateId ?? 'certificate', validUntil: p.hds.validUntil });
  }
  if (p.secnumcloud.status === 'qualified') {
    for (const s of p.secnumcloud.services) {
      if (s.validUntil) out.push({ id: p.id, label: 'SecNumCloud', subject: s.name, validUntil: s.validUntil });
    }
  }
  return out;
}

const OWNERSHIP_NOT_VERIFIED = /\b(parent|owner|ownership|shareholders?|control(?:led)?|control structure)\b[^.;]*\bnot (verified|sourced)\b/i;

/**
 * Whether the ultimate parent is known. A provider with no separate parent
 * (entity named, `parent` and `parentHq` both null) is its own parent and
 * counts as known, unless its reason says the ownership was not verified.
 */
export function parentKnown(p: Provider): boolean {
  const j = p.jurisdiction;
  if (j.parent !== null || j.parentHq !== null) return j.parent !== null && j.parentHq !== null;
  if (j.hq === null || j.entity === null) return false;
  return !OWNERSHIP_NOT_VERIFIED.test(j.reason.en);
}

/** Whether a field is `unknown` for a provider (see docs/data-changelog.md for the definitions). */
export function isUnknown(p: Provider, field: UnknownField): boolean {
  switch (field) {
    case 'hq':
      return p.jurisdiction.hq === null;
    case 'parent':
      return !parentKnown(p);
    case 'cloudAct':
      // A foreign law that compels the provider (e.g. China's 2017 law) answers the exposure question.
      return p.cloudAct.status === 'unknown' && p.cloudAct.laws.length === 0;
    case 'hds':
      return p.hds.status === 'unknown';
    case 'secnumcloud':
      return p.secnumcloud.status === 'unknown';
  }
}

export function unknownShares(dataset: Dataset): UnknownShare[] {
  const total = dataset.providers.length;
  return UNKNOWN_FIELDS.map((field) => {
    const ids = dataset.providers.filter((p) => isUnknown(p, field)).map((p) => p.id).sort();
    const targeted = (TARGET_FIELDS as readonly string[]).includes(field);
    return {
      field,
      unknown: ids.length,
      total,
      ids,
      target: targeted ? UNKNOWN_TARGET : null,
      // Integer comparison: 8 of 80 is exactly 10 %, which meets a "≤ 10 %" target.
      meetsTarget: targeted ? ids.length * 10 <= total * (UNKNOWN_TARGET * 10) : null,
    };
  });
}

export function sourcesByKind(dataset: Dataset): SourceKindCount[] {
  const kinds = ['official-register', 'law-text', 'provider-statement', 'press', 'analysis', 'unspecified'] as const;
  const citations = new Map<string, number>(kinds.map((k) => [k, 0]));
  const urls = new Map<string, Set<string>>(kinds.map((k) => [k, new Set<string>()]));
  for (const p of dataset.providers) {
    for (const [, claim] of claimsOf(p)) {
      for (const s of claim.sources) {
        const kind = s.kind ?? 'unspecified';
        citations.set(kind, (citations.get(kind) ?? 0) + 1);
        urls.get(kind)!.add(s.url);
      }
    }
  }
  return kinds.map((kind) => ({ kind, citations: citations.get(kind) ?? 0, urls: urls.get(kind)!.size }));
}

/** Share of a kind of claim backed first-hand: an official register, a law text or the provider's own statement. */
export interface BackedShare {
  claim: 'jurisdiction' | 'hds' | 'secnumcloud';
  /** Claims that are not unknown. */
  known: number;
  backed: number;
  /** Ids of known claims without first-hand backing. */
  weak: string[];
  target: number;
}

export interface EvidenceReport {
  backed: BackedShare[];
  /** Inferred claims per field. */
  inferred: Record<'cloudAct' | 'hds' | 'secnumcloud', number>;
  /** Certified HDS claims that do not state holder, scope or validity; 2018 certificates past the renewal deadline. */
  hdsWithoutHolder: string[];
  hdsWithoutScope: string[];
  hdsWithoutValidity: string[];
  hdsRenewalNotConfirmed: string[];
  /** Qualified SecNumCloud claims without services or dates; in-progress ones without a milestone. */
  sncWithoutScope: string[];
  sncWithoutDates: string[];
  sncInProgressWithoutMilestone: string[];
  /** IaaS/PaaS providers whose HDS status is unknown. */
  hdsUnknownInfra: { unknown: number; total: number; target: number };
  /** Denied sources and kinds that do not fit their URL (blocking). */
  sourceProblems: string[];
}

export const BACKED_TARGETS = { jurisdiction: 0.8, hds: 0.9, secnumcloud: 0.9 } as const;
export const HDS_UNKNOWN_INFRA_TARGET = 0.5;

export function evidenceReport(dataset: Dataset, today: string): EvidenceReport {
  const ps = dataset.providers;
  const backed = (['jurisdiction', 'hds', 'secnumcloud'] as const).map((claim): BackedShare => {
    const known = ps.filter((p) => (claim === 'jurisdiction' ? p.jurisdiction.hq !== null : p[claim].status !== 'unknown'));
    const weak = known.filter((p) => !hasStrongSource(p[claim].sources, p)).map((p) => p.id);
    return { claim, known: known.length, backed: known.length - weak.length, weak, target: BACKED_TARGETS[claim] };
  });
  const certified = ps.filter((p) => p.hds.status === 'certified');
  const qualified = ps.filter((p) => p.secnumcloud.status === 'qualified');
  const infra = ps.filter((p) => p.categories?.some((c) => c === 'iaas' || c === 'paas'));
  const ids = (list: Provider[]) => list.map((p) => p.id);
  return {
    backed,
    inferred: {
      cloudAct: ps.filter((p) => p.cloudAct.basis === 'inferred').length,
      hds: ps.filter((p) => p.hds.basis === 'inferred').length,
      secnumcloud: ps.filter((p) => p.secnumcloud.basis === 'inferred').length,
    },
    hdsWithoutHolder: ids(certified.filter((p) => hdsGaps(p.hds).holder)),
    hdsWithoutScope: ids(certified.filter((p) => hdsGaps(p.hds).scope)),
    hdsWithoutValidity: ids(certified.filter((p) => hdsGaps(p.hds).validity)),
    hdsRenewalNotConfirmed: ids(certified.filter((p) => hdsCertificateState(p.hds, today) === 'renewal-not-confirmed')),
    sncWithoutScope: ids(qualified.filter((p) => secNumCloudGaps(p.secnumcloud).scope)),
    sncWithoutDates: ids(qualified.filter((p) => secNumCloudGaps(p.secnumcloud).validity)),
    sncInProgressWithoutMilestone: ids(ps.filter((p) => p.secnumcloud.status === 'in-progress' && p.secnumcloud.milestone === null)),
    hdsUnknownInfra: { unknown: infra.filter((p) => p.hds.status === 'unknown').length, total: infra.length, target: HDS_UNKNOWN_INFRA_TARGET },
    sourceProblems: ps.flatMap(sourceProblems),
  };
}

export function checkDataset(dataset: Dataset, options: DataCheckOptions): DataCheckReport {
  const { today } = options;
  assertIso(today, 'today');
  const staleBefore = subtractMonths(today, options.staleAfterMonths ?? STALE_AFTER_MONTHS);
  const warnDays = options.expiryWarningDays ?? EXPIRY_WARNING_DAYS;

  const expired: LabelFinding[] = [];
  const expiringSoon: LabelFinding[] = [];
  const stale: StaleFinding[] = [];
  const verifiedInFuture: FutureFinding[] = [];

  for (const p of dataset.providers) {
    for (const label of datedLabels(p)) {
      // Same rule as the popup (assess.ts `validity`): past the end date = expired.
      if (validity(label.validUntil, today) === 'expired') expired.push(label);
      else if (daysUntil(today, label.validUntil) <= warnDays) expiringSoon.push(label);
    }
    for (const [claim, { sources }] of claimsOf(p)) {
      for (const s of sources) {
        if (s.verified < staleBefore) stale.push({ id: p.id, claim, url: s.url, verified: s.verified });
        if (s.verified > today) verifiedInFuture.push({ id: p.id, claim, url: s.url, verified: s.verified });
      }
    }
  }

  const unknown = unknownShares(dataset);
  const evidence = evidenceReport(dataset, today);
  const errors = [
    ...evidence.sourceProblems,
    ...expired.map((e) => `${e.id}: ${e.label} ${e.subject} expired on ${e.validUntil} but the status still shows it as valid`),
    ...verifiedInFuture.map((f) => `${f.id}.${f.claim}: source verified in the future (${f.verified}): ${f.url}`),
  ];
  const targetMisses = unknown
    .filter((u) => u.meetsTarget === false)
    .map((u) => `${u.field}: ${u.unknown} of ${u.total} unknown (${percent(u.unknown, u.total)}), above the ${percent(u.target ?? 0, 1)} target`);
  for (const b of evidence.backed) {
    if (b.backed < b.known * b.target) targetMisses.push(`${b.claim}: ${b.backed} of ${b.known} known claims backed first-hand (${percent(b.backed, b.known)}), below the ${percent(b.target, 1)} target`);
  }
  const { unknown: hdsUnknown, total: infraTotal, target: infraTarget } = evidence.hdsUnknownInfra;
  if (hdsUnknown > infraTotal * infraTarget) targetMisses.push(`HDS unknown for ${hdsUnknown} of ${infraTotal} IaaS/PaaS providers (${percent(hdsUnknown, infraTotal)}), above ${percent(infraTarget, 1)}`);

  return {
    version: dataset.version,
    today,
    providers: dataset.providers.length,
    expired,
    expiringSoon,
    stale,
    verifiedInFuture,
    unknown,
    sources: sourcesByKind(dataset),
    evidence,
    errors,
    targetMisses,
  };
}

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '0 %';
  const value = Math.round((part * 1000) / whole) / 10;
  return `${value} %`;
}

/** 0 when everything passes; 1 on an error, or on a missed target when `strict`. */
export function exitCode(report: DataCheckReport, strict: boolean): 0 | 1 {
  if (report.errors.length > 0) return 1;
  if (strict && report.targetMisses.length > 0) return 1;
  return 0;
}

function labelLine(f: LabelFinding): string {
  return `  - ${f.id}: ${f.label} ${f.subject} — valid until ${f.validUntil}`;
}

/** One line per stale citation, or per provider when there are many (--json keeps the full list). */
function staleLines(stale: readonly StaleFinding[], max = 30): string[] {
  if (stale.length <= max) return stale.map((s) => `  - ${s.id}.${s.claim}: verified ${s.verified} — ${s.url}`);
  const byId = new Map<string, StaleFinding[]>();
  for (const s of stale) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  return [...byId].map(([id, list]) => {
    const oldest = list.map((s) => s.verified).sort()[0];
    const claims = [...new Set(list.map((s) => s.claim))].join(', ');
    return `  - ${id}: ${list.length} citation(s) in ${claims}, oldest verified ${oldest}`;
  });
}

/** The human-readable report printed by scripts/data-check.ts. */
export function formatReport(report: DataCheckReport, strict = false): string[] {
  const lines: string[] = [
    `Dataset ${report.version}: ${report.providers} providers, checked on ${report.today}`,
    '',
    `Expired labels still shown as valid: ${report.expired.length}`,
    ...report.expired.map(labelLine),
    `Expiring within ${EXPIRY_WARNING_DAYS} days: ${report.expiringSoon.length}`,
    ...report.expiringSoon.map(labelLine),
    `Stale sources (verified more than ${STALE_AFTER_MONTHS} months before ${report.today}): ${report.stale.length}`,
    ...staleLines(report.stale),
  ];
  if (report.verifiedInFuture.length > 0) {
    lines.push(`Sources verified after today: ${report.verifiedInFuture.length}`);
    lines.push(...report.verifiedInFuture.map((s) => `  - ${s.id}.${s.claim}: verified ${s.verified} — ${s.url}`));
  }
  lines.push('', `Unknown share per field (target ≤ ${percent(UNKNOWN_TARGET, 1)} for ${TARGET_FIELDS.join(', ')}):`);
  for (const u of report.unknown) {
    const verdict = u.meetsTarget === null ? '' : u.meetsTarget ? ' — meets target' : ' — ABOVE TARGET';
    lines.push(`  - ${u.field}: ${u.unknown} of ${u.total} (${percent(u.unknown, u.total)})${verdict}`);
    if (u.target !== null && u.ids.length > 0) lines.push(`      ${u.ids.join(', ')}`);
  }
  lines.push('', 'Sources by kind (citations / distinct URLs):');
  for (const s of report.sources) lines.push(`  - ${s.kind}: ${s.citations} / ${s.urls}`);
  const e = report.evidence;
  const list = (ids: readonly string[]) => (ids.length > 0 ? `: ${ids.join(', ')}` : '');
  lines.push('', "Evidence (first-hand = an official register, a law text or the provider's own statement):");
  for (const b of e.backed) lines.push(`  - ${b.claim}: ${b.backed} of ${b.known} known claims first-hand (${percent(b.backed, b.known)}; target ${percent(b.target, 1)})${list(b.weak)}`);
  lines.push(
    `  - inferred claims: CLOUD Act ${e.inferred.cloudAct}, HDS ${e.inferred.hds}, SecNumCloud ${e.inferred.secnumcloud}`,
    `  - HDS certified without holder ${e.hdsWithoutHolder.length}${list(e.hdsWithoutHolder)}`,
    `  - HDS certified without scope ${e.hdsWithoutScope.length}${list(e.hdsWithoutScope)}`,
    `  - HDS certified without validity date ${e.hdsWithoutValidity.length}${list(e.hdsWithoutValidity)}`,
    `  - HDS 2018 certificate, renewal not confirmed ${e.hdsRenewalNotConfirmed.length}${list(e.hdsRenewalNotConfirmed)}`,
    `  - SecNumCloud qualified without services ${e.sncWithoutScope.length}${list(e.sncWithoutScope)}`,
    `  - SecNumCloud qualified without dates ${e.sncWithoutDates.length}${list(e.sncWithoutDates)}`,
    `  - SecNumCloud in progress without milestone ${e.sncInProgressWithoutMilestone.length}${list(e.sncInProgressWithoutMilestone)}`,
    `  - HDS unknown for ${e.hdsUnknownInfra.unknown} of ${e.hdsUnknownInfra.total} IaaS/PaaS providers (target ≤ ${percent(e.hdsUnknownInfra.target, 1)})`,
  );
  lines.push('');
  if (report.errors.length > 0) {
    lines.push(`FAIL: ${report.errors.length} blocking problem(s):`, ...report.errors.map((e) => `  - ${e}`));
  }
  if (report.targetMisses.length > 0) {
    lines.push(`${strict ? 'FAIL' : 'WARN'}: unknown share above target (blocking with --strict):`, ...report.targetMisses.map((m) => `  - ${m}`));
  }
  if (exitCode(report, strict) === 0) lines.push('OK: no expired label shown as valid, no source dated after today, no refused source.');
  return lines;
}
