// The one schema of the project: every type about providers and their export
// file is inferred from here (never hand-written twice). It is used at each
// trust boundary: the bundled JSON (build and tests), imports, storage reads.
import * as v from 'valibot';
import { RULE_IDS } from './rule-ids';
import { RESERVED_IDS, SLUG } from './slug';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
// A host, optionally followed by a path prefix ("oracle.com/cloud").
const DOMAIN = /^(?=.{1,253}(?:\/|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?:\/[\w\-./]*)?$/;

const short = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.optional(v.pipe(v.array(item), v.maxLength<v.InferOutput<T>[], number>(max)), () => [] as v.InferOutput<T>[]);

export const IsoDateSchema = v.pipe(v.string(), v.regex(ISO_DATE, 'must be a date YYYY-MM-DD'));
export const CountrySchema = v.pipe(v.string(), v.regex(COUNTRY, 'must be an ISO 3166-1 alpha-2 code such as FR'));
export const DomainSchema = v.pipe(v.string(), v.toLowerCase(), v.regex(DOMAIN, 'must be a domain such as example.com'));
export const ProviderIdSchema = v.pipe(
  v.string(),
  v.regex(SLUG, 'must be a lower-case slug such as my-cloud'),
  v.maxLength(64),
  v.check((id) => !RESERVED_IDS.has(id), 'is a reserved word: choose another id'),
);

/** Links in the data are rendered as clickable: only https is ever allowed. */
export const HttpsUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url('must be a URL'),
  v.check((s) => s.startsWith('https://'), 'must start with https://'),
  // A URL written out (Markdown, HTML) must not be able to end early or break a line.
  v.regex(/^[^\s\u0000-\u001f\u007f-\u009f<>"`\\]*$/, 'must not contain spaces, line breaks, quotes, backticks, backslashes or angle brackets'),
);

/**
 * What a source is, best first: an official register or list (ANSSI, ANS, SEC
 * EDGAR, a company registry, a court), the official text of a law or
 * referential, the provider's own statement (its site, legal notices, trust
 * centre, documentation), then press and named analysts (law firms, academics).
 */
export const SOURCE_KINDS = ['official-register', 'law-text', 'provider-statement', 'press', 'analysis'] as const;
/** Kinds of an earlier data format: read, then dropped (the source stays, unclassified). */
const LEGACY_SOURCE_KINDS = ['primary', 'secondary'] as const;

export const SourceSchema = v.pipe(
  v.strictObject({
    url: HttpsUrlSchema,
    title: short(300),
    verified: IsoDateSchema,
    kind: v.optional(v.picklist([...SOURCE_KINDS, ...LEGACY_SOURCE_KINDS])),
  }),
  v.transform(({ kind, ...rest }): { url: string; title: string; verified: string; kind?: SourceKind } => {
    const known = SOURCE_KINDS.find((k) => k === kind);
    return known ? { ...rest, kind: known } : rest;
  }),
);

/** A one-line explanation in both UI languages. */
export const TextSchema = v.strictObject({ en: short(600), fr: short(600) });

export const CLOUD_ACT = ['exposed', 'partial', 'not-exposed', 'unknown'] as const;
export const HDS = ['certified', 'not-certified', 'unknown'] as const;
export const SECNUMCLOUD = ['qualified', 'in-progress', 'not-qualified', 'unknown'] as const;
/** Foreign laws that can compel a provider. */
export const LAWS = ['us-cloud-act', 'us-fisa-702', 'cn-nil-2017'] as const;
/** observed: a source states it; inferred: a rule (see rules.ts) derives it from other facts. */
export const BASES = ['observed', 'inferred'] as const;
export const HDS_REFERENTIALS = ['2018', '2024'] as const;
export const SERVICE_TYPES = ['iaas', 'paas', 'caas', 'saas'] as const;
export const SNC_MILESTONES = ['J0', 'J1', 'J2'] as const;
export const REGISTRIES = ['siren', 'sec-cik', 'companies-house', 'handelsregister', 'zefix', 'other'] as const;

const Sources = v.pipe(v.array(SourceSchema), v.maxLength(20));

/** How a claim is known: stated by a source, or derived by a named rule. */
const basisEntries = {
  basis: v.optional(v.picklist(BASES), 'observed'),
  rule: v.optional(v.nullable(v.picklist(RULE_IDS)), null),
};
const INFERRED_NEEDS_RULE = 'an inferred claim must name the rule it is inferred from';
function inferredHasRule<T extends { basis: string; rule: string | null }>(c: T) {
  return c.basis !== 'inferred' || c.rule !== null;
}

/** Every claim that is not `unknown` must cite at least one source. */
function sourced<T extends { status: string; sources: unknown[] }>(claim: T) {
  return claim.status === 'unknown' || claim.sources.length > 0;
}
const SOURCED_MSG = 'a status other than "unknown" needs at least one source';

export const RegistrySchema = v.strictObject({
  kind: v.picklist(REGISTRIES),
  id: short(60),
});

export const JurisdictionSchema = v.pipe(
  v.strictObject({
    /** Legal entity operating the service; null when not sourced. */
    entity: v.nullable(short(200)),
    hq: v.nullable(CountrySchema),
    /** The entity's registry entry (SIREN, SEC CIK, Companies House…), when sourced. */
    registry: v.optional(v.nullable(RegistrySchema), null),
    /** Ultimate controlling parent when different from the entity. */
    parent: v.nullable(short(200)),
    parentHq: v.nullable(CountrySchema),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check((j) => (j.hq === null && j.parentHq === null) || j.sources.length > 0, 'a headquarters country needs at least one source'),
);

/** A documented path by which a foreign law reached, or can reach, the provider (e.g. a non-EU subsidiary). */
export const ExposureViaSchema = v.strictObject({
  entity: short(200),
  country: CountrySchema,
  reason: TextSchema,
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source'), v.maxLength(10)),
});

export const CloudActSchema = v.pipe(
  v.strictObject({
    status: v.picklist(CLOUD_ACT),
    /** The foreign laws that can reach the provider (empty when none or unknown). */
    laws: v.pipe(v.array(v.picklist(LAWS)), v.maxLength(LAWS.length)),
    ...basisEntries,
    via: list(ExposureViaSchema, 10),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check((c) => (c.status === 'unknown' && c.laws.length === 0) || c.sources.length > 0, 'a status or a law other than "unknown" needs at least one source'),
  v.check(inferredHasRule, INFERRED_NEEDS_RULE),
);

/** "2.0", "v1.1", "2018"… of the earlier `version` field → the referential it names. */
function legacyReferential(version: string | null | undefined): (typeof HDS_REFERENTIALS)[number] | null {
  if (!version) return null;
  if (/2024|^v?2(\.|$)/i.test(version)) return '2024';
  if (/2018|^v?1(\.|$)/i.test(version)) return '2018';
  return null;
}

export const HdsSchema = v.pipe(
  v.strictObject({
    status: v.picklist(HDS),
    ...basisEntries,
    /** The certified legal entity. */
    holder: v.optional(v.nullable(short(200)), null),
    /** HDS activities 1–6 (CSP R.1111-9). */
    activities: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))), v.maxLength(6)),
    /** Services the certificate covers, and services of the provider it does not cover. */
    services: list(short(120), 50),
    notCovered: list(short(120), 50),
    /** Regions or data centres covered. */
    regions: list(short(120), 50),
    certificateId: v.nullable(short(100)),
    certifier: v.nullable(short(100)),
    /** Referential of the certificate: the 2018 one, or the 2024 one (arrêté of 26 April 2024). */
    referential: v.optional(v.nullable(v.picklist(HDS_REFERENTIALS)), null),
    /** Earlier free-text field, read into `referential`. */
    version: v.optional(v.nullable(short(20))),
    issued: v.optional(v.nullable(IsoDateSchema), null),
    validUntil: v.nullable(IsoDateSchema),
    reason: TextSchema,
    sources: Sources,
  }),
  v.transform(({ version, ...rest }) => ({ ...rest, referential: rest.referential ?? legacyReferential(version) })),
  v.check(sourced, SOURCED_MSG),
  v.check(inferredHasRule, INFERRED_NEEDS_RULE),
);

export const QualifiedServiceSchema = v.strictObject({
  name: short(200),
  type: v.optional(v.nullable(v.picklist(SERVICE_TYPES)), null),
  qualifiedOn: v.nullable(IsoDateSchema),
  validUntil: v.nullable(IsoDateSchema),
});

/** A step of ANSSI's qualification process reached by a service "in progress". */
export const MilestoneSchema = v.strictObject({
  stage: v.picklist(SNC_MILESTONES),
  date: v.nullable(IsoDateSchema),
});

export const SecNumCloudSchema = v.pipe(
  v.strictObject({
    status: v.picklist(SECNUMCLOUD),
    ...basisEntries,
    services: v.pipe(v.array(QualifiedServiceSchema), v.maxLength(50)),
    /** Version of the referential, e.g. "3.2". */
    referential: v.optional(v.nullable(short(10)), null),
    milestone: v.optional(v.nullable(MilestoneSchema), null),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check(sourced, SOURCED_MSG),
  v.check(inferredHasRule, INFERRED_NEEDS_RULE),
);

/** An alias that is ambiguous alone: it counts only when a context term is near. */
export const WeakAliasSchema = v.strictObject({
  term: short(80),
  /** Words or phrases that make the term count; a trailing * matches any word ending ("héberg*"). */
  context: v.pipe(v.array(short(80)), v.minLength(1, 'a weak alias needs at least one context word'), v.maxLength(50)),
});

export const PROVIDER_CATEGORIES = ['iaas', 'paas', 'storage', 'saas', 'collaboration', 'cdn', 'health'] as const;

export const ProviderSchema = v.strictObject({
  id: ProviderIdSchema,
  name: short(120),
  categories: v.optional(v.pipe(v.array(v.picklist(PROVIDER_CATEGORIES)), v.maxLength(PROVIDER_CATEGORIES.length))),
  domains: v.pipe(v.array(DomainSchema), v.maxLength(100)),
  /**
   * Where the provider speaks for itself without being detected there: its
   * parent's site, its documentation repository ("github.com/ovh"). A source
   * of kind provider-statement lives on `domains` or here.
   */
  officialSites: list(DomainSchema, 30),
  /** Names safe to match alone (word boundaries). */
  aliases: v.pipe(v.array(short(80)), v.maxLength(100)),
  weakAliases: v.pipe(v.array(WeakAliasSchema), v.maxLength(50)),
  jurisdiction: JurisdictionSchema,
  cloudAct: CloudActSchema,
  hds: HdsSchema,
  secnumcloud: SecNumCloudSchema,
});

export const DatasetSchema = v.pipe(
  v.strictObject({
    version: IsoDateSchema,
    providers: v.pipe(v.array(ProviderSchema), v.maxLength(10_000)),
  }),
  v.check((d) => new Set(d.providers.map((p) => p.id)).size === d.providers.length, 'provider ids must be unique'),
);

export const EXPORT_FORMAT = 'sovereignty-lens/providers';

export const ProvidersFileSchema = v.pipe(
  v.strictObject({
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(1),
    providers: v.pipe(v.array(ProviderSchema), v.maxLength(10_000, 'at most 10,000 providers per file')),
  }),
  v.check((d) => new Set(d.providers.map((p) => p.id)).size === d.providers.length, 'provider ids must be unique'),
);

export type Source = v.InferOutput<typeof SourceSchema>;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type LocalText = v.InferOutput<typeof TextSchema>;
export type Provider = v.InferOutput<typeof ProviderSchema>;
export type ProviderInput = v.InferInput<typeof ProviderSchema>;
export type WeakAlias = v.InferOutput<typeof WeakAliasSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type ProvidersFile = v.InferOutput<typeof ProvidersFileSchema>;
export type CloudActStatus = (typeof CLOUD_ACT)[number];
export type HdsStatus = (typeof HDS)[number];
export type SecNumCloudStatus = (typeof SECNUMCLOUD)[number];
export type Law = (typeof LAWS)[number];
export type Basis = (typeof BASES)[number];
export type ProviderId = string;
export type ExposureVia = v.InferOutput<typeof ExposureViaSchema>;

/** Human-readable list of what is wrong: "providers[3].hds.status: …". */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[], max = 20): string[] {
  return issues.slice(0, max).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
