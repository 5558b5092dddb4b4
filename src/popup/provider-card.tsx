// One provider: the element the contract's checks read (data-provider-id,
// data-cloud-act, data-hds, data-secnumcloud), used for the page's providers
// and for lookup results alike.
import type { Assessment } from '../core/assess';
import { validity } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import type { TabProvider } from '../shared/protocol';
import { countryWithCode, formatDate, formatList, type UiLang } from '../ui/format';
import { CLOUD_ACT_LABEL, HDS_ACTIVITY_LABEL, HDS_LABEL, LAW_LABEL, LEVEL_LABEL, SECNUMCLOUD_LABEL, VALID_UNTIL_LABEL } from '../ui/level-label';
import { Claim, Reason, StatusChip, type Tone } from './claim';

export interface ProviderCardProps {
  assessment: Assessment;
  lang: UiLang;
  today: string;
  /** How the page showed it (absent for lookup results). */
  found?: TabProvider | undefined;
  custom?: boolean;
  /** Prefix for element ids, unique per card in the document. */
  idPrefix: string;
}

const LEVEL_TONE: Record<Assessment['level'], Tone> = { high: 'bad', medium: 'warn', low: 'good', unknown: 'neutral' };
const CLOUD_ACT_TONE: Record<Provider['cloudAct']['status'], Tone> = { exposed: 'bad', partial: 'warn', 'not-exposed': 'good', unknown: 'neutral' };

function Jurisdiction({ p, lang, id }: { p: Provider; lang: UiLang; id: string }) {
  const j = p.jurisdiction;
  const unknown = j.entity === null && j.hq === null && j.parent === null && j.parentHq === null;
  const entity = j.entity ?? p.name;
  const showParent = j.parent !== null && (j.parent !== j.entity || j.parentHq !== j.hq);
  return (
    <Claim kind="jurisdiction" heading={t('claimJurisdiction')} headingId={id} unknown={unknown} sources={j.sources} lang={lang}>
      {unknown ? null : (
        <ul class="facts">
          <li data-fact="entity">{j.hq ? t('jurisdictionEntity', [entity, countryWithCode(j.hq, lang)]) : entity}</li>
          {showParent ? (
            <li data-fact="parent">{j.parentHq ? t('jurisdictionParent', [j.parent!, countryWithCode(j.parentHq, lang)]) : t('jurisdictionParentNoCountry', [j.parent!])}</li>
          ) : null}
        </ul>
      )}
      {unknown ? null : <Reason reason={j.reason} lang={lang} />}
    </Claim>
  );
}

function CloudAct({ p, lang, id }: { p: Provider; lang: UiLang; id: string }) {
  const c = p.cloudAct;
  const unknown = c.status === 'unknown' && c.laws.length === 0;
  return (
    <Claim
      kind="cloud-act"
      heading={t('claimCloudAct')}
      headingId={id}
      unknown={unknown}
      status={{ tone: CLOUD_ACT_TONE[c.status], label: t(CLOUD_ACT_LABEL[c.status]) }}
      sources={c.sources}
      lang={lang}
    >
      <Reason reason={c.reason} lang={lang} />
      {c.laws.length > 0 ? <p class="laws">{t('cloudActLaws', [formatList(c.laws.map((law) => t(LAW_LABEL[law])), lang)])}</p> : null}
    </Claim>
  );
}

function EndDate({ date, today, lang }: { date: string; today: string; lang: UiLang }) {
  const v = validity(date, today);
  return (
    <span class={`end-date validity-${v}`} data-validity={v}>
      <time dateTime={date}>{t(VALID_UNTIL_LABEL[v], [formatDate(date, lang)])}</time>
    </span>
  );
}

function Hds({ a, lang, today, id }: { a: Assessment; lang: UiLang; today: string; id: string }) {
  const h = a.provider.hds;
  const view = a.hds;
  const expired = view.validity === 'expired';
  const tone: Tone = view.status === 'certified' ? (view.validity === 'expires-soon' ? 'warn' : 'good') : expired ? 'bad' : 'neutral';
  const label = expired ? t('hdsExpired') : t(HDS_LABEL[view.status]);
  const details = [
    h.activities.length > 0 ? <li key="a">{t('hdsActivities', [formatList(h.activities.map((n) => (HDS_ACTIVITY_LABEL[n] ? t(HDS_ACTIVITY_LABEL[n]) : String(n))), lang)])}</li> : null,
    h.certificateId ? <li key="c">{t('hdsCertificate', [h.certificateId])}</li> : null,
    h.certifier ? <li key="b">{t('hdsCertifier', [h.certifier])}</li> : null,
    h.version ? <li key="v">{t('hdsVersion', [h.version])}</li> : null,
    h.validUntil ? (
      <li key="u">
        <EndDate date={h.validUntil} today={today} lang={lang} />
      </li>
    ) : null,
  ].filter(Boolean);
  return (
    <Claim kind="hds" heading={t('claimHds')} headingId={id} unknown={h.status === 'unknown'} status={{ tone, label }} sources={h.sources} lang={lang}>
      <Reason reason={h.reason} lang={lang} />
      {details.length > 0 ? <ul class="facts">{details}</ul> : null}
    </Claim>
  );
}

function SecNumCloud({ a, lang, today, id }: { a: Assessment; lang: UiLang; today: string; id: string }) {
  const s = a.provider.secnumcloud;
  const view = a.secnumcloud;
  const expired = view.validity === 'expired';
  const tone: Tone = view.status === 'qualified' ? (view.validity === 'expires-soon' ? 'warn' : 'good') : view.status === 'in-progress' ? 'warn' : expired ? 'bad' : 'neutral';
  const label = expired ? t('sncExpired') : t(SECNUMCLOUD_LABEL[view.status]);
  return (
    <Claim kind="secnumcloud" heading={t('claimSecNumCloud')} headingId={id} unknown={s.status === 'unknown'} status={{ tone, label }} sources={s.sources} lang={lang}>
      <Reason reason={s.reason} lang={lang} />
      {s.services.length > 0 ? (
        <ul class="facts services" aria-label={t('sncServices')}>
          {s.services.map((service, i) => (
            <li key={`${service.name}#${i}`} data-service={service.name}>
              <span class="service-name">{service.name}</span>
              {service.qualifiedOn ? (
                <span class="service-date">
                  <time dateTime={service.qualifiedOn}>{t('sncQualifiedOn', [formatDate(service.qualifiedOn, lang)])}</time>
                </span>
              ) : null}
              {service.validUntil ? (
                <span class="service-date">
                  <EndDate date={service.validUntil} today={today} lang={lang} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Claim>
  );
}

export function ProviderCard({ assessment: a, lang, today, found, custom = false, idPrefix }: ProviderCardProps) {
  const p = a.provider;
  const id = (part: string) => `${idPrefix}-${part}`;
  const viaHost = found?.via.includes('host') ?? false;
  const viaText = found?.via.includes('text') ?? false;
  return (
    <article
      class={`card level-${a.level}`}
      data-provider-id={p.id}
      data-cloud-act={p.cloudAct.status}
      data-hds={a.hds.status}
      data-secnumcloud={a.secnumcloud.status}
      data-level={a.level}
      data-via={found?.via.join(' ') ?? ''}
      aria-labelledby={id('name')}
    >
      <header class="card-header">
        <h3 id={id('name')} class="card-name">
          {p.name}
        </h3>
        <span class={`level-pill level-${a.level}`} aria-label={t('cardLevel', [t(LEVEL_LABEL[a.level])])}>
          <span class="level-dot" aria-hidden="true" />
          {t(LEVEL_LABEL[a.level])}
        </span>
      </header>
      {viaHost || viaText || custom ? (
        <p class="via">
          {viaHost ? (
            <span class="via-host" data-via-host="">
              {t('cardViaHost', [p.name])}
            </span>
          ) : null}
          {viaText ? <StatusChip tone="neutral">{t('cardViaText')}</StatusChip> : null}
          {custom ? <StatusChip tone="neutral">{t('cardCustom')}</StatusChip> : null}
        </p>
      ) : null}
      <Jurisdiction p={p} lang={lang} id={id('jurisdiction')} />
      <CloudAct p={p} lang={lang} id={id('cloud-act')} />
      <Hds a={a} lang={lang} today={today} id={id('hds')} />
      <SecNumCloud a={a} lang={lang} today={today} id={id('secnumcloud')} />
      {found && found.snippets.length > 0 ? (
        <section class="snippets" aria-labelledby={id('snippets')}>
          <h4 id={id('snippets')} class="claim-heading">
            {t('cardSnippets')}
          </h4>
          <ul>
            {found.snippets.map((s, i) => (
              <li key={i}>
                <q>{s}</q>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
