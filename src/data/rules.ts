// The rules an inferred claim names, each with its official text: the popup
// and the report say "inferred from …" and cite the rule once, instead of
// showing a derived value as if a source had stated it.
import type { RuleId } from './rule-ids';
import type { LocalText, Source } from './schema';

export interface Rule {
  /** "Inferred from …" in both languages: what the rule derives the claim from. */
  from: LocalText;
  /** The rule itself, one sentence. */
  text: LocalText;
  sources: RuleSource[];
}

/** A rule's official text, with the short name the popup links ("18 U.S.C. §2713"). */
export interface RuleSource extends Source {
  short: string;
}

const CHECKED = '2026-12-04';

const US_CODE_2713: RuleSource = {
  short: '18 U.S.C. §2713',
  url: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim',
  title: '18 U.S.C. §2713, Required preservation and disclosure of communications and records (CLOUD Act), Office of the Law Revision Counsel',
  verified: CHECKED,
  kind: 'law-text',
};
const US_CODE_1881A: RuleSource = {
  short: '50 U.S.C. §1881a',
  url: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title50-section1881a&num=0&edition=prelim',
  title: '50 U.S.C. §1881a, Procedures for targeting certain persons outside the United States (FISA §702), Office of the Law Revision Counsel',
  verified: CHECKED,
  kind: 'law-text',
};
const PRC_NIL: RuleSource = {
  short: 'PRC National Intelligence Law, art. 7',
  url: 'https://www.npc.gov.cn/npc/xinwen/2017-06/27/content_2024529.htm',
  title: '中华人民共和国国家情报法 (National Intelligence Law of the PRC, adopted 27 June 2017), 中国人大网, National People\'s Congress',
  verified: CHECKED,
  kind: 'law-text',
};
const SNC_32: RuleSource = {
  short: 'SecNumCloud 3.2 §19.6',
  url: 'https://cyber.gouv.fr/sites/default/files/document/secnumcloud-referentiel-exigences-v3.2.pdf',
  title: 'ANSSI, Prestataires de services d\'informatique en nuage (SecNumCloud), référentiel d\'exigences v3.2, §19.6',
  verified: CHECKED,
  kind: 'law-text',
};

export const RULES: Record<RuleId, Rule> = {
  'us-cloud-act': {
    from: { en: 'its US seat or US parent', fr: 'son siège ou sa maison mère aux États-Unis' },
    text: {
      en: 'A provider subject to US jurisdiction must disclose data in its possession, custody or control, wherever it is stored (18 U.S.C. §2713); FISA §702 allows targeting of non-US persons through such providers (50 U.S.C. §1881a).',
      fr: 'Un fournisseur soumis à la juridiction américaine doit communiquer les données qu\'il détient ou contrôle, où qu\'elles soient stockées (18 U.S.C. §2713) ; la section 702 du FISA permet de cibler des personnes non américaines par ces fournisseurs (50 U.S.C. §1881a).',
    },
    sources: [US_CODE_2713, US_CODE_1881A],
  },
  'cn-nil-2017': {
    from: { en: 'its seat or parent in China', fr: 'son siège ou sa maison mère en Chine' },
    text: {
      en: 'Article 7 of China\'s National Intelligence Law (2017) requires organisations to support, assist and cooperate with state intelligence work.',
      fr: 'L\'article 7 de la loi chinoise sur le renseignement national (2017) oblige les organisations à soutenir, aider et coopérer avec le renseignement de l\'État.',
    },
    sources: [PRC_NIL],
  },
  'eu-no-foreign-control': {
    from: { en: 'its European seat and ownership', fr: 'son siège et son actionnariat européens' },
    text: {
      en: 'An entity seated in the EU/EEA or Switzerland with no documented non-EU parent is not reached by the listed foreign laws; a non-EU subsidiary can still be (see "via").',
      fr: 'Une entité établie dans l\'UE/EEE ou en Suisse sans maison mère hors UE documentée n\'est pas atteinte par les lois étrangères listées ; une filiale hors UE peut l\'être (voir « via »).',
    },
    sources: [],
  },
  'snc-foreign-control': {
    from: { en: 'its non-EU ownership (SecNumCloud 3.2 §19.6)', fr: 'son actionnariat hors UE (SecNumCloud 3.2 §19.6)' },
    text: {
      en: 'SecNumCloud 3.2 §19.6 bars qualification of a provider controlled, directly or indirectly, from outside the EU: not looked up in the ANSSI list, derived from ownership.',
      fr: 'Le §19.6 de SecNumCloud 3.2 exclut la qualification d\'un prestataire contrôlé, directement ou indirectement, hors de l\'UE : non relevé dans la liste de l\'ANSSI, déduit de l\'actionnariat.',
    },
    sources: [SNC_32],
  },
};
