// Renders docs/providers.md from the bundled dataset. Pure and deterministic
// (no clock, no locale): the test compares its output with the file on disk.
import { claimBacking, type Backing } from '../src/core/evidence';
import { RULES } from '../src/data/rules';
import { CLOUD_ACT, HDS, LAWS, SECNUMCLOUD, type Basis, type Dataset, type Provider, type Source, type SourceKind } from '../src/data/schema';
import { isUnknown, parentKnown, sourcesByKind, TARGET_FIELDS, UNKNOWN_FIELDS, UNKNOWN_TARGET } from './data-check-lib';

type Claim = { status: string; basis?: Basis; rule?: string | null; reason: { en: string; fr: string }; sources: Source[] };

const KIND_MARK: Record<SourceKind, string> = { 'official-register': 'R', 'law-text': 'L', 'provider-statement': 'P', press: 'N', analysis: 'A' };

/** R register, L law text, P provider statement, N news, A analysis, ? kind not recorded. */
function kindMark(s: Source): string {
  return s.kind ? KIND_MARK[s.kind] : '?';
}

const BACKING_TEXT: Record<Backing, string> = {
  inferred: 'inferred by a rule',
  'official-register': 'official register',
  'law-text': 'official law text',
  'provider-statement': "the provider's own statement",
  analysis: 'third-party analysis only',
  press: 'press only',
  unclassified: 'sources of unrecorded kind',
  none: 'no source',
};

/** What backs a claim, so a reviewer knows which lines rest on third parties only. */
function evidence(claim: Claim, p: Provider): string {
  const backing = claimBacking(claim, p);
  if (backing !== 'inferred' || !claim.rule || !(claim.rule in RULES)) return BACKING_TEXT[backing];
  return `inferred from ${RULES[claim.rule as keyof typeof RULES].from.en} (rule \`${claim.rule}\`)`;
}

/** Text that may sit in a table cell: one line, pipes escaped, no raw HTML. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Text outside tables: one line, no raw HTML. */
function inline(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/\s*\n\s*/g, ' ');
}

function link(text: string, url: string): string {
  const label = inline(text).replace(/([[\]])/g, '\\$1');
  // Brackets and spaces would end the link target early.
  const target = url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${label}](${target})`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0 %' : `${Math.round((part * 100) / whole)} %`;
}

function countBy<T extends string>(values: readonly T[], keys: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>(keys.map((k) => [k, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A provider's distinct sources in claim order, numbered from 1. */
function numberedSources(p: Provider): Source[] {
  const seen = new Map<string, Source>();
  for (const claim of [p.jurisdiction, p.cloudAct, p.hds, p.secnumcloud]) {
    for (const source of claim.sources) if (!seen.has(source.url)) seen.set(source.url, source);
  }
  return [...seen.values()];
}

function jurisdictionCell(p: Provider): string {
  const { hq, parentHq } = p.jurisdiction;
  const own = hq ?? 'unknown';
  return parentHq && parentHq !== hq ? `${own} (parent ${parentHq})` : own;
}

function cloudActCell(p: Provider): string {
  const { status, laws } = p.cloudAct;
  return laws.length > 0 ? `${status} (${laws.join(', ')})` : status;
}

function activities(list: readonly number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  const contiguous = sorted.length > 2 && sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
  return contiguous ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ');
}

function hdsCell(p: Provider): string {
  const h = p.hds;
  const parts: string[] = [h.status];
  if (h.referential) parts.push(`referential ${h.referential}`);
  if (h.services.length > 0) parts.push(`for ${h.services.join(', ')}`);
  if (h.activities.length > 0) parts.push(`activities ${activities(h.activities)}`);
  if (h.certificateId) parts.push(h.certifier ? `${h.certificateId} (${h.certifier})` : h.certificateId);
  else if (h.certifier) parts.push(h.certifier);
  if (h.validUntil) parts.push(`valid until ${h.validUntil}`);
  return parts.join(' · ');
}

function serviceText(s: Provider['secnumcloud']['services'][number]): string {
  const dates = [s.type, s.qualifiedOn && `qualified ${s.qualifiedOn}`, s.validUntil && `valid until ${s.validUntil}`].filter(Boolean);
  return dates.length > 0 ? `${s.name} (${dates.join(', ')})` : s.name;
}

function secNumCloudCell(p: Provider): string {
  const { status, services } = p.secnumcloud;
  return services.length > 0 ? `${status} · ${services.map(serviceText).join('; ')}` : status;
}

function summary(providers: readonly Provider[]): string[] {
  const total = providers.length;
  const lines: string[] = ['## Summary', '', '| field | status | providers | share |', '|---|---|---|---|'];
  const rows = (field: string, counts: Map<string, number>) => {
    for (const [status, n] of counts) lines.push(`| ${cell(field)} | ${cell(status)} | ${n} | ${percent(n, total)} |`);
  };
  const hqKnown = providers.filter((p) => p.jurisdiction.hq !== null).length;
  rows('jurisdiction (HQ)', new Map([['known', hqKnown], ['unknown', total - hqKnown]]));
  rows('CLOUD Act', countBy(providers.map((p) => p.cloudAct.status), CLOUD_ACT));
  rows('HDS', countBy(providers.map((p) => p.hds.status), HDS));
  rows('SecNumCloud', countBy(providers.map((p) => p.secnumcloud.status), SECNUMCLOUD));
  for (const law of LAWS) {
    const n = providers.filter((p) => p.cloudAct.laws.includes(law)).length;
    lines.push(`| foreign law | ${cell(law)} | ${n} | ${percent(n, total)} |`);
  }
  const unknown = (pick: (p: Provider) => boolean) => {
    const n = providers.filter(pick).length;
    return `${n} of ${total} (${percent(n, total)})`;
  };
  const labels: Record<(typeof UNKNOWN_FIELDS)[number], string> = {
    hq: 'headquarters',
    parent: 'parent',
    cloudAct: 'CLOUD Act / foreign law',
    hds: 'HDS',
    secnumcloud: 'SecNumCloud',
  };
  lines.push(
    '',
    `Share of unknown values per field (as computed by \`npm run data:check\`; target ≤ ${Math.round(UNKNOWN_TARGET * 100)} % for ${TARGET_FIELDS.join(', ')}):`,
    '',
    ...UNKNOWN_FIELDS.map((field) => `- ${labels[field]}: ${unknown((p) => isUnknown(p, field))}`),
  );
  const verified = providers.flatMap((p) => [p.jurisdiction, p.cloudAct, p.hds, p.secnumcloud].flatMap((c) => c.sources.map((s) => s.verified))).sort();
  lines.push(
    '',
    'Sources by kind (citations / distinct URLs): ' +
      sourcesByKind({ version: '', providers: [...providers] })
        .map((k) => `${k.kind} ${k.citations} / ${k.urls}`)
        .join(' · ') +
      (verified.length > 0 ? `; verified between ${verified[0]} and ${verified[verified.length - 1]}.` : '.'),
  );
  return lines;
}

function table(providers: readonly Provider[]): string[] {
  const lines = [
    '## Providers',
    '',
    "In the sources column, each numbered link is followed by its kind: R official register or list, L official law text, P the provider's own statement, N press, A third-party analysis (see docs/sourcing.md).",
    '',
    '| id | name | jurisdiction | CLOUD Act | HDS | SecNumCloud | sources |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const p of providers) {
    const sources = numberedSources(p).map((s, i) => `${link(String(i + 1), s.url)}${kindMark(s)}`).join(' ') || '—';
    const cells = [`[${p.id}](#${p.id})`, cell(p.name), cell(jurisdictionCell(p)), cell(cloudActCell(p)), cell(hdsCell(p)), cell(secNumCloudCell(p)), cell(sources)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function claimLines(p: Provider, label: string, claim: Claim, numbers: Map<string, number>, extra: string[] = []): string[] {
  const head = `- **${label}**: \`${claim.status}\` — ${inline(claim.reason.en)}`;
  const details = [
    `  - fr: ${inline(claim.reason.fr)}`,
    ...(claim.sources.length > 0 || claim.basis === 'inferred' ? [`  - evidence: ${evidence(claim, p)}`] : []),
    ...extra.map((e) => `  - ${e}`),
  ];
  const sources = claim.sources.map(
    (s) => `  - [${numbers.get(s.url)}] ${link(s.title, s.url)} — ${s.kind ?? 'unspecified kind'}, verified ${s.verified}`,
  );
  return [head, ...details, ...(sources.length > 0 ? sources : ['  - no source'])];
}

function details(p: Provider): string[] {
  const numbers = new Map(numberedSources(p).map((s, i) => [s.url, i + 1]));
  const j = p.jurisdiction;
  const jurisdiction = {
    status: j.hq ?? 'unknown',
    reason: j.reason,
    sources: j.sources,
  };
  const jExtra = [
    ...(j.registry ? [`registry: ${j.registry.kind} ${inline(j.registry.id)}`] : []),
    `entity: ${j.entity ? `${inline(j.entity)} (${j.hq ?? 'country unknown'})` : j.hq ? `name not verified (${j.hq})` : 'unknown'}`,
    `parent: ${j.parent ? `${inline(j.parent)} (${j.parentHq ?? 'country unknown'})` : j.parentHq ? `name unknown (${j.parentHq})` : parentKnown(p) ? 'none (the entity is its own ultimate parent)' : 'unknown'}`,
  ];
  const cExtra = [
    ...(p.cloudAct.laws.length > 0 ? [`laws: ${p.cloudAct.laws.join(', ')}`] : []),
    ...p.cloudAct.via.map((v) => `via ${inline(v.entity)} (${v.country}): ${inline(v.reason.en)} — ${v.sources.map((s) => link(s.title, s.url)).join(', ')}`),
  ];
  const h = p.hds;
  const hExtra = [
    h.activities.length > 0 && `activities: ${activities(h.activities)}`,
    h.holder && `holder: ${inline(h.holder)}`,
    h.referential && `referential: ${h.referential}`,
    h.services.length > 0 && `covers: ${h.services.map(inline).join(', ')}`,
    h.notCovered.length > 0 && `does not cover: ${h.notCovered.map(inline).join(', ')}`,
    h.regions.length > 0 && `regions: ${h.regions.map(inline).join(', ')}`,
    h.issued && `issued: ${h.issued}`,
    h.certificateId && `certificate: ${inline(h.certificateId)}`,
    h.certifier && `certifier: ${inline(h.certifier)}`,
    h.validUntil && `valid until: ${h.validUntil}`,
  ].filter((x): x is string => typeof x === 'string');
  const snc = p.secnumcloud;
  const sExtra = [
    ...snc.services.map((s) => `service: ${inline(serviceText(s))}`),
    ...(snc.referential ? [`referential: ${inline(snc.referential)}`] : []),
    ...(snc.milestone ? [`milestone: ${snc.milestone.stage}${snc.milestone.date ? ` (${snc.milestone.date})` : ''}`] : []),
  ];
  const aliases = [...p.aliases, ...p.weakAliases.map((w) => `${w.term} (with context)`)];
  return [
    `### ${p.id}`,
    '',
    `**${inline(p.name)}**${p.categories && p.categories.length > 0 ? ` — ${p.categories.join(', ')}` : ''}`,
    '',
    `- domains: ${p.domains.length > 0 ? p.domains.map((d) => `\`${d}\``).join(', ') : 'none'}`,
    `- aliases: ${aliases.length > 0 ? aliases.map(inline).join(', ') : 'none'}`,
    ...claimLines(p, 'Jurisdiction', jurisdiction, numbers, jExtra),
    ...claimLines(p, 'CLOUD Act', p.cloudAct, numbers, cExtra),
    ...claimLines(p, 'HDS', p.hds, numbers, hExtra),
    ...claimLines(p, 'SecNumCloud', p.secnumcloud, numbers, sExtra),
    '',
  ];
}

export function renderProvidersDoc(dataset: Dataset): string {
  const { providers } = dataset;
  const lines = [
    '# Providers',
    '',
    '<!-- Generated from src/data/providers.json by `npm run docs` (scripts/generate-docs.ts). Do not edit by hand. -->',
    '',
    `Dataset version: **${dataset.version}** · ${providers.length} providers.`,
    '',
    'Statuses: CLOUD Act `exposed` · `partial` · `not-exposed` · `unknown`; HDS `certified` · `not-certified` · `unknown`;',
    'SecNumCloud `qualified` · `in-progress` · `not-qualified` · `unknown`. A claim that is not `unknown` always cites a source.',
    '',
    ...summary(providers),
    '',
    ...table(providers),
    '',
    '## Details',
    '',
    'Per provider, each claim gives its value and reason (English, then French), what backs it (an official register, a law text, the provider\'s own statement, the press, or a rule that infers it from other facts) and every source with its kind and the date it was last verified. A value other than `unknown` always cites at least one source; check each line against the linked page.',
    '',
    ...providers.flatMap(details),
  ];
  // Exactly one trailing newline.
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
