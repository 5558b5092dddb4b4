// The custom-provider form as plain data: Provider ⇄ form values (multi-value
// fields one per line), validation with the one schema, and valibot issue
// paths mapped back to form fields. Pure: unit-tested without a DOM.
import * as v from 'valibot';
import { RULE_IDS, type RuleId } from '../data/rule-ids';
import { HDS_REFERENTIALS, ProviderSchema, SERVICE_TYPES, SOURCE_KINDS, type Provider } from '../data/schema';

/** Text shown as the reason of a claim that nobody has sourced yet (data, in both languages). */
export const DEFAULT_REASON = { en: 'Not verified yet.', fr: 'Pas encore vérifié.' } as const;

export interface ProviderFormValues {
  id: string;
  name: string;
  categories: string[];
  /** One per line. */
  domains: string;
  /** One per line. */
  aliases: string;
  /** One per line: "term: context, other context". */
  weakAliases: string;
  'jurisdiction.entity': string;
  'jurisdiction.hq': string;
  'jurisdiction.parent': string;
  'jurisdiction.parentHq': string;
  'jurisdiction.reason.en': string;
  'jurisdiction.reason.fr': string;
  /** One per line: "https://… | title | YYYY-MM-DD | provider-statement". */
  'jurisdiction.sources': string;
  'cloudAct.status': string;
  /** "observed", or the id of the rule an inferred claim follows. */
  'cloudAct.basis': string;
  'cloudAct.laws': string[];
  'cloudAct.reason.en': string;
  'cloudAct.reason.fr': string;
  'cloudAct.sources': string;
  'hds.status': string;
  'hds.basis': string;
  'hds.holder': string;
  /** One per line. */
  'hds.services': string;
  /** One per line. */
  'hds.notCovered': string;
  'hds.activities': string[];
  'hds.certificateId': string;
  'hds.certifier': string;
  /** "2018", "2024" or "" (not stated). */
  'hds.referential': string;
  'hds.validUntil': string;
  'hds.reason.en': string;
  'hds.reason.fr': string;
  'hds.sources': string;
  'secnumcloud.status': string;
  'secnumcloud.basis': string;
  /** One per line: "service name | type | qualified on | valid until" (type and dates may be left out). */
  'secnumcloud.services': string;
  'secnumcloud.reason.en': string;
  'secnumcloud.reason.fr': string;
  'secnumcloud.sources': string;
  /** What the form does not show, kept as it was so that editing loses nothing. */
  hidden?: HiddenFields;
}

/** Fields of a provider the form does not edit (registry, exposure paths, milestone…): carried through unchanged. */
export interface HiddenFields {
  officialSites: Provider['officialSites'];
  registry: Provider['jurisdiction']['registry'];
  via: Provider['cloudAct']['via'];
  regions: Provider['hds']['regions'];
  issued: Provider['hds']['issued'];
  sncReferential: Provider['secnumcloud']['referential'];
  milestone: Provider['secnumcloud']['milestone'];
}

export type FieldKey = Exclude<keyof ProviderFormValues, 'hidden'>;

export const FIELD_KEYS = [
  'id', 'name', 'categories', 'domains', 'aliases', 'weakAliases',
  'jurisdiction.entity', 'jurisdiction.hq', 'jurisdiction.parent', 'jurisdiction.parentHq', 'jurisdiction.reason.en', 'jurisdiction.reason.fr', 'jurisdiction.sources',
  'cloudAct.status', 'cloudAct.basis', 'cloudAct.laws', 'cloudAct.reason.en', 'cloudAct.reason.fr', 'cloudAct.sources',
  'hds.status', 'hds.basis', 'hds.holder', 'hds.services', 'hds.notCovered', 'hds.activities', 'hds.certificateId', 'hds.certifier', 'hds.referential', 'hds.validUntil',
  'hds.reason.en', 'hds.reason.fr', 'hds.sources',
  'secnumcloud.status', 'secnumcloud.basis', 'secnumcloud.services', 'secnumcloud.reason.en', 'secnumcloud.reason.fr', 'secnumcloud.sources',
] as const satisfies readonly FieldKey[];

const FIELD_SET: ReadonlySet<string> = new Set(FIELD_KEYS);

export interface FieldError {
  /** The form field, or "" for the provider as a whole. */
  field: FieldKey | '';
  /** 1-based line of a multi-line field. */
  line?: number;
  /** The part of a line that is wrong ("url", "context"). */
  part?: string;
  message: string;
  /** Set for errors found outside the schema (the UI translates them). */
  code?: 'duplicate-id';
}

const SEP = ' | ';

export function emptyFormValues(): ProviderFormValues {
  const claim = { en: DEFAULT_REASON.en, fr: DEFAULT_REASON.fr };
  return {
    id: '', name: '', categories: [], domains: '', aliases: '', weakAliases: '',
    'jurisdiction.entity': '', 'jurisdiction.hq': '', 'jurisdiction.parent': '', 'jurisdiction.parentHq': '',
    'jurisdiction.reason.en': claim.en, 'jurisdiction.reason.fr': claim.fr, 'jurisdiction.sources': '',
    'cloudAct.status': 'unknown', 'cloudAct.basis': 'observed', 'cloudAct.laws': [], 'cloudAct.reason.en': claim.en, 'cloudAct.reason.fr': claim.fr, 'cloudAct.sources': '',
    'hds.status': 'unknown', 'hds.basis': 'observed', 'hds.holder': '', 'hds.services': '', 'hds.notCovered': '', 'hds.activities': [], 'hds.certificateId': '',
    'hds.certifier': '', 'hds.referential': '', 'hds.validUntil': '', 'hds.reason.en': claim.en, 'hds.reason.fr': claim.fr, 'hds.sources': '',
    'secnumcloud.status': 'unknown', 'secnumcloud.basis': 'observed', 'secnumcloud.services': '', 'secnumcloud.reason.en': claim.en, 'secnumcloud.reason.fr': claim.fr,
    'secnumcloud.sources': '',
  };
}

const sourcesText = (sources: Provider['cloudAct']['sources']) =>
  sources.map((s) => [s.url, s.title, s.verified, ...(s.kind ? [s.kind] : [])].join(SEP)).join('\n');

const basisValue = (c: { basis: string; rule: RuleId | null }) => (c.basis === 'inferred' && c.rule ? c.rule : 'observed');

function parseBasis(value: string): { basis: 'observed' | 'inferred'; rule: RuleId | null } {
  const rule = RULE_IDS.find((r) => r === value);
  return rule ? { basis: 'inferred', rule } : { basis: 'observed', rule: null };
}

export function providerToFormValues(p: Provider): ProviderFormValues {
  const { jurisdiction: j, cloudAct: c, hds: h, secnumcloud: s } = p;
  return {
    id: p.id,
    name: p.name,
    categories: [...(p.categories ?? [])],
    domains: p.domains.join('\n'),
    aliases: p.aliases.join('\n'),
    weakAliases: p.weakAliases.map((w) => `${w.term}: ${w.context.join(', ')}`).join('\n'),
    'jurisdiction.entity': j.entity ?? '',
    'jurisdiction.hq': j.hq ?? '',
    'jurisdiction.parent': j.parent ?? '',
    'jurisdiction.parentHq': j.parentHq ?? '',
    'jurisdiction.reason.en': j.reason.en,
    'jurisdiction.reason.fr': j.reason.fr,
    'jurisdiction.sources': sourcesText(j.sources),
    'cloudAct.status': c.status,
    'cloudAct.basis': basisValue(c),
    'cloudAct.laws': [...c.laws],
    'cloudAct.reason.en': c.reason.en,
    'cloudAct.reason.fr': c.reason.fr,
    'cloudAct.sources': sourcesText(c.sources),
    'hds.status': h.status,
    'hds.basis': basisValue(h),
    'hds.holder': h.holder ?? '',
    'hds.services': h.services.join('\n'),
    'hds.notCovered': h.notCovered.join('\n'),
    'hds.activities': h.activities.map(String),
    'hds.certificateId': h.certificateId ?? '',
    'hds.certifier': h.certifier ?? '',
    'hds.referential': h.referential ?? '',
    'hds.validUntil': h.validUntil ?? '',
    'hds.reason.en': h.reason.en,
    'hds.reason.fr': h.reason.fr,
    'hds.sources': sourcesText(h.sources),
    'secnumcloud.status': s.status,
    'secnumcloud.basis': basisValue(s),
    'secnumcloud.services': s.services.map((x) => [x.name, ...(x.type ? [x.type] : []), x.qualifiedOn ?? '', x.validUntil ?? ''].join(SEP).replace(/(\s\|\s)+$/, '')).join('\n'),
    'secnumcloud.reason.en': s.reason.en,
    'secnumcloud.reason.fr': s.reason.fr,
    'secnumcloud.sources': sourcesText(s.sources),
    hidden: {
      officialSites: [...p.officialSites],
      registry: j.registry,
      via: c.via,
      regions: [...h.regions],
      issued: h.issued,
      sncReferential: s.referential,
      milestone: s.milestone,
    },
  };
}

/** Non-empty lines, each with its 1-based line number in the text. */
function lines(text: string): { text: string; line: number }[] {
  return text.split(/\r?\n/).flatMap((raw, i) => (raw.trim() ? [{ text: raw.trim(), line: i + 1 }] : []));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const optionalDate = (s: string | undefined) => (s === undefined || s.trim() === '' || s.trim() === '-' ? null : s.trim());

function parseSource(line: string) {
  const parts = line.split('|').map((x) => x.trim());
  const url = parts.shift() ?? '';
  const last = parts.at(-1)?.toLowerCase();
  const kind = parts.length > 0 && SOURCE_KINDS.some((k) => k === last) ? (parts.pop(), last) : undefined;
  // Kinds of an earlier format: dropped, the source is kept.
  if (parts.length > 0 && /^(primary|secondary)$/i.test(parts.at(-1)!)) parts.pop();
  const verified = parts.length > 0 && DATE.test(parts.at(-1)!) ? parts.pop()! : '';
  return { url, title: parts.join(' | '), verified, ...(kind ? { kind } : {}) };
}

function parseWeakAlias(line: string) {
  const colon = line.indexOf(':');
  if (colon < 0) return { term: line, context: [] };
  return { term: line.slice(0, colon).trim(), context: line.slice(colon + 1).split(',').map((x) => x.trim()).filter(Boolean) };
}

function parseService(line: string) {
  const [name = '', ...rest] = line.split('|').map((x) => x.trim());
  const type = SERVICE_TYPES.find((t) => t === rest[0]?.toLowerCase()) ?? null;
  if (type || rest[0] === '') rest.shift();
  const [qualifiedOn, validUntil] = rest;
  return { name, type, qualifiedOn: optionalDate(qualifiedOn), validUntil: optionalDate(validUntil) };
}

export interface FormParse {
  /** The object to validate (not yet a Provider). */
  raw: Record<string, unknown>;
  /** For each multi-line field, the line number of each item. */
  lineOf: Partial<Record<FieldKey, number[]>>;
}

export function formValuesToRaw(f: ProviderFormValues): FormParse {
  const lineOf: Partial<Record<FieldKey, number[]>> = {};
  const many = <T>(field: FieldKey, text: string, parse: (line: string) => T): T[] => {
    const ls = lines(text);
    lineOf[field] = ls.map((l) => l.line);
    return ls.map((l) => parse(l.text));
  };
  const reason = (prefix: 'jurisdiction' | 'cloudAct' | 'hds' | 'secnumcloud') => ({ en: f[`${prefix}.reason.en`], fr: f[`${prefix}.reason.fr`] });
  const sources = (prefix: 'jurisdiction' | 'cloudAct' | 'hds' | 'secnumcloud') => many(`${prefix}.sources`, f[`${prefix}.sources`], parseSource);
  const country = (s: string) => orNull(s)?.toUpperCase() ?? null;
  const hidden = f.hidden;
  const referential = HDS_REFERENTIALS.find((r) => r === f['hds.referential'].trim()) ?? null;
  const raw = {
    id: f.id.trim(),
    name: f.name,
    ...(f.categories.length > 0 ? { categories: [...f.categories] } : {}),
    domains: many('domains', f.domains, (x) => x),
    officialSites: hidden?.officialSites ?? [],
    aliases: many('aliases', f.aliases, (x) => x),
    weakAliases: many('weakAliases', f.weakAliases, parseWeakAlias),
    jurisdiction: {
      entity: orNull(f['jurisdiction.entity']),
      hq: country(f['jurisdiction.hq']),
      registry: hidden?.registry ?? null,
      parent: orNull(f['jurisdiction.parent']),
      parentHq: country(f['jurisdiction.parentHq']),
      reason: reason('jurisdiction'),
      sources: sources('jurisdiction'),
    },
    cloudAct: {
      status: f['cloudAct.status'],
      laws: [...f['cloudAct.laws']],
      ...parseBasis(f['cloudAct.basis']),
      via: hidden?.via ?? [],
      reason: reason('cloudAct'),
      sources: sources('cloudAct'),
    },
    hds: {
      status: f['hds.status'],
      ...parseBasis(f['hds.basis']),
      holder: orNull(f['hds.holder']),
      activities: f['hds.activities'].map(Number).sort((a, b) => a - b),
      services: many('hds.services', f['hds.services'], (x) => x),
      notCovered: many('hds.notCovered', f['hds.notCovered'], (x) => x),
      regions: hidden?.regions ?? [],
      certificateId: orNull(f['hds.certificateId']),
      certifier: orNull(f['hds.certifier']),
      referential,
      issued: hidden?.issued ?? null,
      validUntil: orNull(f['hds.validUntil']),
      reason: reason('hds'),
      sources: sources('hds'),
    },
    secnumcloud: {
      status: f['secnumcloud.status'],
      ...parseBasis(f['secnumcloud.basis']),
      services: many('secnumcloud.services', f['secnumcloud.services'], parseService),
      referential: hidden?.sncReferential ?? null,
      milestone: hidden?.milestone ?? null,
      reason: reason('secnumcloud'),
      sources: sources('secnumcloud'),
    },
  };
  return { raw, lineOf };
}

/** Maps one valibot issue to the form field it is about. */
export function issueToFieldError(issue: v.BaseIssue<unknown>, lineOf: FormParse['lineOf'] = {}): FieldError {
  const keys = (issue.path ?? []).map((item) => item.key);
  for (let n = keys.length; n > 0; n--) {
    const field = keys.slice(0, n).join('.');
    if (!FIELD_SET.has(field)) continue;
    const rest = keys.slice(n);
    const error: FieldError = { field: field as FieldKey, message: issue.message };
    if (typeof rest[0] === 'number') {
      const index = rest[0];
      const line = lineOf[field as FieldKey]?.[index];
      if (line !== undefined) error.line = line;
      if (rest.length > 1) error.part = rest.slice(1).join('.');
    }
    return error;
  }
  // A check on a whole claim ("needs at least one source") belongs to its sources.
  const section = keys[0];
  if (keys.length === 1 && (section === 'jurisdiction' || section === 'cloudAct' || section === 'hds' || section === 'secnumcloud')) {
    return { field: `${section}.sources`, message: issue.message };
  }
  return { field: '', message: issue.message };
}

export type FormResult = { ok: true; provider: Provider } | { ok: false; errors: FieldError[] };

/**
 * Validates the form with the one schema. `takenIds` are the ids of the other
 * custom providers (a custom provider may reuse a bundled id: that overrides it).
 */
export function validateProviderForm(values: ProviderFormValues, takenIds: ReadonlySet<string> = new Set()): FormResult {
  const { raw, lineOf } = formValuesToRaw(values);
  const parsed = v.safeParse(ProviderSchema, raw);
  const errors: FieldError[] = parsed.success ? [] : parsed.issues.map((issue) => issueToFieldError(issue, lineOf));
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (id && takenIds.has(id)) errors.unshift({ field: 'id', message: 'another custom provider already uses this id', code: 'duplicate-id' });
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, provider: parsed.output };
}

/** Errors grouped by field, in form order. */
export function errorsByField(errors: readonly FieldError[]): Map<FieldKey | '', FieldError[]> {
  const map = new Map<FieldKey | '', FieldError[]>();
  for (const e of errors) map.set(e.field, [...(map.get(e.field) ?? []), e]);
  return map;
}

/** The first field with an error, in form order (to move focus there). */
export function firstErrorField(errors: readonly FieldError[]): FieldKey | null {
  const withErrors = new Set(errors.map((e) => e.field));
  return FIELD_KEYS.find((k) => withErrors.has(k)) ?? null;
}
