// The custom-provider form as plain data: Provider ⇄ form values (multi-value
// fields one per line), validation with the one schema, and valibot issue
// paths mapped back to form fields. Pure: unit-tested without a DOM.
import * as v from 'valibot';
import { ProviderSchema, type Provider } from '../data/schema';

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
  /** One per line: "https://… | title | YYYY-MM-DD | primary". */
  'jurisdiction.sources': string;
  'cloudAct.status': string;
  'cloudAct.laws': string[];
  'cloudAct.reason.en': string;
  'cloudAct.reason.fr': string;
  'cloudAct.sources': string;
  'hds.status': string;
  'hds.activities': string[];
  'hds.certificateId': string;
  'hds.certifier': string;
  'hds.version': string;
  'hds.validUntil': string;
  'hds.reason.en': string;
  'hds.reason.fr': string;
  'hds.sources': string;
  'secnumcloud.status': string;
  /** One per line: "service name | qualified on | valid until". */
  'secnumcloud.services': string;
  'secnumcloud.reason.en': string;
  'secnumcloud.reason.fr': string;
  'secnumcloud.sources': string;
}

export type FieldKey = keyof ProviderFormValues;

export const FIELD_KEYS = [
  'id', 'name', 'categories', 'domains', 'aliases', 'weakAliases',
  'jurisdiction.entity', 'jurisdiction.hq', 'jurisdiction.parent', 'jurisdiction.parentHq', 'jurisdiction.reason.en', 'jurisdiction.reason.fr', 'jurisdiction.sources',
  'cloudAct.status', 'cloudAct.laws', 'cloudAct.reason.en', 'cloudAct.reason.fr', 'cloudAct.sources',
  'hds.status', 'hds.activities', 'hds.certificateId', 'hds.certifier', 'hds.version', 'hds.validUntil', 'hds.reason.en', 'hds.reason.fr', 'hds.sources',
  'secnumcloud.status', 'secnumcloud.services', 'secnumcloud.reason.en', 'secnumcloud.reason.fr', 'secnumcloud.sources',
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
    'cloudAct.status': 'unknown', 'cloudAct.laws': [], 'cloudAct.reason.en': claim.en, 'cloudAct.reason.fr': claim.fr, 'cloudAct.sources': '',
    'hds.status': 'unknown', 'hds.activities': [], 'hds.certificateId': '', 'hds.certifier': '', 'hds.version': '', 'hds.validUntil': '',
    'hds.reason.en': claim.en, 'hds.reason.fr': claim.fr, 'hds.sources': '',
    'secnumcloud.status': 'unknown', 'secnumcloud.services': '', 'secnumcloud.reason.en': claim.en, 'secnumcloud.reason.fr': claim.fr, 'secnumcloud.sources': '',
  };
}

const sourcesText = (sources: Provider['cloudAct']['sources']) =>
  sources.map((s) => [s.url, s.title, s.verified, ...(s.kind ? [s.kind] : [])].join(SEP)).join('\n');

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
    'cloudAct.laws': [...c.laws],
    'cloudAct.reason.en': c.reason.en,
    'cloudAct.reason.fr': c.reason.fr,
    'cloudAct.sources': sourcesText(c.sources),
    'hds.status': h.status,
    'hds.activities': h.activities.map(String),
    'hds.certificateId': h.certificateId ?? '',
    'hds.certifier': h.certifier ?? '',
    'hds.version': h.version ?? '',
    'hds.validUntil': h.validUntil ?? '',
    'hds.reason.en': h.reason.en,
    'hds.reason.fr': h.reason.fr,
    'hds.sources': sourcesText(h.sources),
    'secnumcloud.status': s.status,
    'secnumcloud.services': s.services.map((x) => [x.name, x.qualifiedOn ?? '', x.validUntil ?? ''].join(SEP).replace(/(\s\|\s)+$/, '')).join('\n'),
    'secnumcloud.reason.en': s.reason.en,
    'secnumcloud.reason.fr': s.reason.fr,
    'secnumcloud.sources': sourcesText(s.sources),
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
  const kind = parts.length > 0 && /^(primary|secondary)$/i.test(parts.at(-1)!) ? parts.pop()!.toLowerCase() : undefined;
  const verified = parts.length > 0 && DATE.test(parts.at(-1)!) ? parts.pop()! : '';
  return { url, title: parts.join(' | '), verified, ...(kind ? { kind } : {}) };
}

function parseWeakAlias(line: string) {
  const colon = line.indexOf(':');
  if (colon < 0) return { term: line, context: [] };
  return { term: line.slice(0, colon).trim(), context: line.slice(colon + 1).split(',').map((x) => x.trim()).filter(Boolean) };
}

function parseService(line: string) {
  const [name = '', qualifiedOn, validUntil] = line.split('|').map((x) => x.trim());
  return { name, qualifiedOn: optionalDate(qualifiedOn), validUntil: optionalDate(validUntil) };
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
  const raw = {
    id: f.id.trim(),
    name: f.name,
    ...(f.categories.length > 0 ? { categories: [...f.categories] } : {}),
    domains: many('domains', f.domains, (x) => x),
    aliases: many('aliases', f.aliases, (x) => x),
    weakAliases: many('weakAliases', f.weakAliases, parseWeakAlias),
    jurisdiction: {
      entity: orNull(f['jurisdiction.entity']),
      hq: country(f['jurisdiction.hq']),
      parent: orNull(f['jurisdiction.parent']),
      parentHq: country(f['jurisdiction.parentHq']),
      reason: reason('jurisdiction'),
      sources: sources('jurisdiction'),
    },
    cloudAct: { status: f['cloudAct.status'], laws: [...f['cloudAct.laws']], reason: reason('cloudAct'), sources: sources('cloudAct') },
    hds: {
      status: f['hds.status'],
      activities: f['hds.activities'].map(Number).sort((a, b) => a - b),
      certificateId: orNull(f['hds.certificateId']),
      certifier: orNull(f['hds.certifier']),
      version: orNull(f['hds.version']),
      validUntil: orNull(f['hds.validUntil']),
      reason: reason('hds'),
      sources: sources('hds'),
    },
    secnumcloud: {
      status: f['secnumcloud.status'],
      services: many('secnumcloud.services', f['secnumcloud.services'], parseService),
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
