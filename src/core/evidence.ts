// How each claim is known, in the terms a DPO cites: inferred by a rule,
// listed in an official register, stated by the provider, or reported by the
// press; and what a certificate covers and until when. Pure: no DOM, no browser.
import type { Basis, Provider, Source, SourceKind } from '../data/schema';
import { kindMismatch } from '../data/source-policy';
import { validity } from './assess';

/** Certificates under the 2018 HDS referential had to be renewed under the 2024 one by this date (arrêté of 26 April 2024). */
export const HDS_2018_RENEWAL_DEADLINE = '2026-05-16';

/** The strongest backing of a claim, best first; `none` for a claim without a usable source. */
export const BACKINGS = ['inferred', 'official-register', 'law-text', 'provider-statement', 'analysis', 'press', 'unclassified', 'none'] as const;
export type Backing = (typeof BACKINGS)[number];

const KIND_RANK: readonly SourceKind[] = ['official-register', 'law-text', 'provider-statement', 'analysis', 'press'];

type Sites = Pick<Provider, 'domains' | 'officialSites'>;

/**
 * The best kind among the sources that fit their kind. An inferred claim is
 * `inferred` whatever its sources: they back the facts, not the conclusion.
 */
export function claimBacking(claim: { basis?: Basis; sources: readonly Source[] }, provider: Sites): Backing {
  if (claim.basis === 'inferred') return 'inferred';
  if (claim.sources.length === 0) return 'none';
  const kinds = new Set(claim.sources.filter((s) => s.kind !== undefined && kindMismatch(s, provider) === null).map((s) => s.kind));
  return KIND_RANK.find((k) => kinds.has(k)) ?? 'unclassified';
}

/** Backings a DPO can rest on alone; the others get a distinct look. */
export function isFirstHand(backing: Backing): boolean {
  return backing === 'official-register' || backing === 'law-text' || backing === 'provider-statement';
}

/**
 * Where a certified HDS claim stands: a sourced end date (valid, expiring,
 * expired), a 2018 certificate past the renewal deadline, or no date at all.
 */
export type HdsCertificateState = 'valid' | 'expires-soon' | 'expired' | 'renewal-not-confirmed' | 'validity-not-verified';

export function hdsCertificateState(hds: Pick<Provider['hds'], 'validUntil' | 'referential'>, today: string): HdsCertificateState {
  const v = validity(hds.validUntil, today);
  if (v === 'expired') return 'expired';
  // Issued under the 2018 referential and not shown renewed: past the deadline it no longer proves anything.
  if (hds.referential === '2018' && today > HDS_2018_RENEWAL_DEADLINE) return 'renewal-not-confirmed';
  return v === 'undated' ? 'validity-not-verified' : v;
}

/** What a certified/qualified claim says about its holder, scope and validity, and which of them is not verified. */
export interface ScopeGaps {
  holder: boolean;
  scope: boolean;
  validity: boolean;
}

export function hdsGaps(hds: Provider['hds']): ScopeGaps {
  return { holder: hds.holder === null, scope: hds.services.length === 0 && hds.activities.length === 0, validity: hds.validUntil === null };
}

export function secNumCloudGaps(snc: Provider['secnumcloud']): ScopeGaps {
  return { holder: false, scope: snc.services.length === 0, validity: snc.services.length === 0 || snc.services.some((s) => s.validUntil === null && s.qualifiedOn === null) };
}
