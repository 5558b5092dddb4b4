// Every citation of a provider checked against the source policy: what a
// test, the build and `npm run data:check` report, one line per problem.
import { RULES } from './rules';
import type { Provider, Source } from './schema';
import { isDenied, kindMismatch } from './source-policy';

export const CLAIM_FIELDS = ['jurisdiction', 'cloudAct', 'hds', 'secnumcloud'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** Every source of a provider with the claim it backs (exposure paths count under cloudAct). */
export function citations(p: Provider): { field: ClaimField; source: Source }[] {
  const out: { field: ClaimField; source: Source }[] = [];
  for (const field of CLAIM_FIELDS) for (const source of p[field].sources) out.push({ field, source });
  for (const via of p.cloudAct.via) for (const source of via.sources) out.push({ field: 'cloudAct', source });
  return out;
}

/** Problems with a provider's sources: denied hosts, kinds that do not fit their URL, inferred claims without a rule. */
export function sourceProblems(p: Provider): string[] {
  const problems: string[] = [];
  for (const { field, source } of citations(p)) {
    if (isDenied(source.url, p)) problems.push(`${p.id}.${field}: ${source.url} is on the deny-list (not citable)`);
    else {
      const why = kindMismatch(source, p);
      if (why) problems.push(`${p.id}.${field}: ${source.url} (${source.kind ?? 'no kind'}): ${why}`);
    }
  }
  for (const field of ['cloudAct', 'hds', 'secnumcloud'] as const) {
    const claim = p[field];
    if (claim.basis === 'inferred' && (claim.rule === null || !(claim.rule in RULES))) problems.push(`${p.id}.${field}: inferred without a known rule`);
  }
  return problems;
}
