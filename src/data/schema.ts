// The one schema of the project: every type about providers and their export
// file is inferred from here (never hand-written twice). It is used at each
// trust boundary: the bundled JSON (build and tests), imports, storage reads.
import * as v from 'valibot';
import { RESERVED_IDS, SLUG } from './slug';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
// A host, optionally followed by a path prefix ("oracle.com/cloud").
const DOMAIN = /^(?=.{1,253}(?:\/|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?:\/[\w\-./]*)?$/;

const short = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const IsoDateSchema = v.pipe(v.string(), v.regex(ISO_DATE, 'must be a date YYYY-MM-DD'));
export const CountrySchema = v.pipe(v.string(), v.regex(COUNTRY, 'must be an ISO 3166-1 alpha-2 code such as FR'));
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

export const SourceSchema = v.strictObject({
  url: HttpsUrlSchema,
  title: short(300),
  verified: IsoDateSchema,
  /** primary = the provider, a court, an official journal; secondary = press or third-party relay. */
  kind: v.optional(v.picklist(['primary', 'secondary'])),
});

/** A one-line explanation in both UI languages. */
export const TextSchema = v.strictObject({ en: short(600), fr: short(600) });

export const CLOUD_ACT = ['exposed', 'partial', 'not-exposed', 'unknown'] as const;
export const HDS = ['certified', 'not-certified', 'unknown'] as const;
export const SECNUMCLOUD = ['qualified', 'in-progress', 'not-qualified', 'unknown'] as const;
/** Foreign laws that can compel a provider. */
export const LAWS = ['us-cloud-act', 'us-fisa-702', 'cn-nil-2017'] as const;

const Sources = v.pipe(v.array(SourceSchema), v.maxLength(20));

/** Every claim that is not `unknown` must cite at least one source. */
function sourced<T extends { status: string; sources: unknown[] }>(claim: T) {
  return claim.status === 'unknown' || claim.sources.length > 0;
}
const SOURCED_MSG = 'a status other than "unknown" needs at least one source';

export const JurisdictionSchema = v.pipe(
  v.strictObject({
    /** Legal entity operating the service; null when not sourced. */
    entity: v.nullable(short(200)),
    hq: v.nullable(CountrySchema),
    /** Ultimate controlling parent when different from the entity. */
    parent: v.nullable(short(200)),
    parentHq: v.nullable(CountrySchema),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check((j) => (j.hq === null && j.parentHq === null) || j.sources.length > 0, 'a headquarters country needs at least one source'),
);

export const CloudActSchema = v.pipe(
  v.strictObject({
    status: v.picklist(CLOUD_ACT),
    /** The foreign laws that can reach the provider (empty when none or unknown). */
    laws: v.pipe(v.array(v.picklist(LAWS)), v.maxLength(LAWS.length)),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check((c) => (c.status === 'unknown' && c.laws.length === 0) || c.sources.length > 0, 'a status or a law other than "unknown" needs at least one source'),
);

export const HdsSchema = v.pipe(
  v.strictObject({
    status: v.picklist(HDS),
    /** HDS activities 1–6 (CSP R.1111-9). */
    activities: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))), v.maxLength(6)),
    certificateId: v.nullable(short(100)),
    certifier: v.nullable(short(100)),
    version: v.nullable(short(20)),
    validUntil: v.nullable(IsoDateSchema),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check(sourced, SOURCED_MSG),
);

export const QualifiedServiceSchema = v.strictObject({
  name: short(200),
  qualifiedOn: v.nullable(IsoDateSchema),
  validUntil: v.nullable(IsoDateSchema),
});

export const SecNumCloudSchema = v.pipe(
  v.strictObject({
    status: v.picklist(SECNUMCLOUD),
    services: v.pipe(v.array(QualifiedServiceSchema), v.maxLength(50)),
    reason: TextSchema,
    sources: Sources,
  }),
  v.check(sourced, SOURCED_MSG),
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
  domains: v.pipe(v.array(v.pipe(v.string(), v.toLowerCase(), v.regex(DOMAIN, 'must be a domain such as example.com'))), v.maxLength(100)),
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
export type ProviderId = string;

/** Human-readable list of what is wrong: "providers[3].hds.status: …". */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[], max = 20): string[] {
  return issues.slice(0, max).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
