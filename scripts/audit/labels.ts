// Levels and statuses as the popup words them (src/popup/provider-card.tsx,
// page-verdict.tsx), from the report's facts and the extension's messages.
// labels.test.ts renders the popup's card and checks they agree.
import type { Level } from '../../src/core/assess';
import type { Law } from '../../src/data/schema';
import { countryWithCode, formatDate, type UiLang } from '../../src/ui/format';
import { CLOUD_ACT_LABEL, HDS_LABEL, LAW_LABEL, LEVEL_LABEL, SECNUMCLOUD_LABEL, VERDICT_SENTENCE } from '../../src/ui/level-label';
import type { Translate } from './messages';
import type { ProviderFacts } from './report';

export interface Labels {
  lang: UiLang;
  level(level: Level): string;
  verdictSentence(level: Level): string;
  cloudAct(f: ProviderFacts): string;
  hds(f: ProviderFacts): string;
  /** The HDS label with its end date, as the card's summary shows it. */
  hdsWithDate(f: ProviderFacts): string;
  secnumcloud(f: ProviderFacts): string;
  /** The operating entity and its country, then the controlling parent's, as under the card's name. */
  jurisdiction(f: ProviderFacts): string;
  laws(laws: readonly Law[]): string;
  date(iso: string): string;
}

export function labels(t: Translate, lang: UiLang): Labels {
  const self: Labels = {
    lang,
    level: (level) => t(LEVEL_LABEL[level]),
    verdictSentence: (level) => t(VERDICT_SENTENCE[level]),
    cloudAct({ cloudAct: { status, laws } }) {
      // As the card: not sourced, but another listed law reaches the provider.
      if (status === 'unknown' && laws.length > 0) return t('cloudActForeignLaw');
      return t(CLOUD_ACT_LABEL[status]);
    },
    hds: ({ hds }) => (hds.validity === 'expired' ? t('hdsExpired') : t(HDS_LABEL[hds.status])),
    hdsWithDate(f) {
      const label = self.hds(f);
      return f.hds.status === 'certified' && f.hds.validUntil ? `${label} ${t('summaryUntil', [formatDate(f.hds.validUntil, lang)])}` : label;
    },
    secnumcloud: ({ secnumcloud }) => (secnumcloud.validity === 'expired' ? t('sncExpired') : t(SECNUMCLOUD_LABEL[secnumcloud.status])),
    jurisdiction(f) {
      const j = f.jurisdiction;
      if (j.entity === null && j.hq === null && j.parent === null && j.parentHq === null) return t('jurisdictionNotVerified');
      const entity = j.entity ?? f.name;
      const own = j.hq ? t('jurisdictionEntity', [entity, countryWithCode(j.hq, lang)]) : entity;
      const showParent = j.parent !== null && (j.parent !== j.entity || j.parentHq !== j.hq);
      if (!showParent) return own;
      const parent = j.parentHq ? t('jurisdictionParent', [j.parent!, countryWithCode(j.parentHq, lang)]) : t('jurisdictionParentNoCountry', [j.parent!]);
      return `${own}; ${parent}`;
    },
    laws: (laws) => laws.map((law) => t(LAW_LABEL[law])).join('; '),
    date: (iso) => formatDate(iso, lang),
  };
  return self;
}
