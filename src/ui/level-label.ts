// Message keys for levels, statuses, laws and categories: one table each, so
// the type checker proves every value has a translated label.
import type { Level, Validity } from '../core/assess';
import type { Backing } from '../core/evidence';
import type { CloudActStatus, HdsStatus, Law, PROVIDER_CATEGORIES, REGISTRIES, SecNumCloudStatus, SourceKind } from '../data/schema';
import type { MessageKey } from '../shared/i18n';

export const LEVEL_LABEL: Record<Level, MessageKey> = { high: 'levelHigh', medium: 'levelMedium', low: 'levelLow', unknown: 'levelUnknown' };

export const VERDICT_SENTENCE: Record<Level, MessageKey> = { high: 'verdictHigh', medium: 'verdictMedium', low: 'verdictLow', unknown: 'verdictUnknown' };

export const CLOUD_ACT_LABEL: Record<CloudActStatus, MessageKey> = {
  exposed: 'cloudActExposed',
  partial: 'cloudActPartial',
  'not-exposed': 'cloudActNotExposed',
  unknown: 'claimNotVerified',
};

export const HDS_LABEL: Record<HdsStatus, MessageKey> = { certified: 'hdsCertified', 'not-certified': 'hdsNotCertified', unknown: 'claimNotVerified' };

export const SECNUMCLOUD_LABEL: Record<SecNumCloudStatus, MessageKey> = {
  qualified: 'sncQualified',
  'in-progress': 'sncInProgress',
  'not-qualified': 'sncNotQualified',
  unknown: 'claimNotVerified',
};

export const LAW_LABEL: Record<Law, MessageKey> = { 'us-cloud-act': 'lawUsCloudAct', 'us-fisa-702': 'lawUsFisa702', 'cn-nil-2017': 'lawCnNil2017' };

export const CATEGORY_LABEL: Record<(typeof PROVIDER_CATEGORIES)[number], MessageKey> = {
  iaas: 'categoryIaas',
  paas: 'categoryPaas',
  storage: 'categoryStorage',
  saas: 'categorySaas',
  collaboration: 'categoryCollaboration',
  cdn: 'categoryCdn',
  health: 'categoryHealth',
};

export const HDS_ACTIVITY_LABEL: Record<number, MessageKey> = {
  1: 'hdsActivity1',
  2: 'hdsActivity2',
  3: 'hdsActivity3',
  4: 'hdsActivity4',
  5: 'hdsActivity5',
  6: 'hdsActivity6',
};

/** "Valid until …", "… (expires soon)" or "Expired on …" for an end date. */
export const VALID_UNTIL_LABEL: Record<Validity, MessageKey> = {
  valid: 'validUntil',
  undated: 'validUntil',
  'expires-soon': 'validUntilSoon',
  expired: 'validUntilExpired',
};

export const SOURCE_KIND_LABEL: Record<SourceKind, MessageKey> = {
  'official-register': 'sourceKindOfficialRegister',
  'law-text': 'sourceKindLawText',
  'provider-statement': 'sourceKindProviderStatement',
  press: 'sourceKindPress',
  analysis: 'sourceKindAnalysis',
};

/** How a claim is known, in words; `inferred` and `none` are said elsewhere (with the rule; as "not verified"). */
export const BACKING_LABEL: Record<Exclude<Backing, 'inferred' | 'none'>, MessageKey> = {
  'official-register': 'evidenceOfficialRegister',
  'law-text': 'evidenceLawText',
  'provider-statement': 'evidenceProviderStatement',
  press: 'evidencePress',
  analysis: 'evidenceAnalysis',
  unclassified: 'evidenceUnclassified',
};

export const REGISTRY_LABEL: Record<(typeof REGISTRIES)[number], MessageKey> = {
  siren: 'registrySiren',
  'sec-cik': 'registrySecCik',
  'companies-house': 'registryCompaniesHouse',
  handelsregister: 'registryHandelsregister',
  zefix: 'registryZefix',
  other: 'registryOther',
};
