// One provider: the element the contract's checks read (data-provider-id,
// data-cloud-act, data-hds, data-secnumcloud), used for the page's providers
// and for lookup results alike.
//
// Compact first: a header (name, level, headquarters with country), a
// one-line summary of the statuses, the one-line CLOUD Act reason; then the
// full claims with their sources and the page's snippets inside a native
// <details> ("Sources and details"), which is keyboard-operable as is.
import type { ComponentChildren } from 'preact';
import type { Assessment } from '../core/assess';
import { validity } from '../core/assess';
import { claimBacking, hdsCertificateState, hdsGaps, isFirstHand, secNumCloudGaps, type Backing, type ScopeGaps } from '../core/evidence';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import type { TabProvider } from '../shared/protocol';
import { countryWithCode, formatDate, formatList, type UiLang } from '../ui/format';
import { CLOUD_ACT_LABEL, HDS_ACTIVITY_LABEL, HDS_LABEL, LAW_LABEL, LEVEL_LABEL, REGISTRY_LABEL, SECNUMCLOUD_LABEL, VALID_UNTIL_LABEL } from '../ui/level-label';
import { Claim, isDefaultReason, Reason, Sources, StatusChip, SummaryItem, type Status, type Tone } from './claim';

export interface ProviderCardProps {
  assessment: Assessment;
  lang: UiLang;
  today: string;
  /** How the page showed it (absent for lookup results). */
  found?: TabProvider | undefined;
  custom?: boolean;
  /** Pushed by the person's organisation (enterprise policy). */
  managed?: boolean;
  /** Prefix for element ids, unique per card in the document. */
  idPrefix: string;
  /** Whether "Sources and details" starts open (default: open for a lookup result, closed for a page's provider). */
  expanded?: boolean;
  /** Certified, not-exposed providers of the same category (for an exposed provider). */
  alternatives?: readonly Assessment[];
}

const CLOUD_ACT_TONE: Record<Provider['cloudAct']['status'], Tone> = { exposed: 'bad', partial: 'warn', 'not-exposed': 'good', unknown: 'neutral' };

function cloudActStatus(p: Provider): Status {
  const { status, laws } = p.cloudAct;
  // CLOUD Act not sourced, but another listed law reaches the provider (e.g.
  // China's 2017 intelligence law): say so rather than "not verified".
  if (status === 'unknown' && laws.length > 0) return { tone: 'bad', label: t('cloudActForeignLaw') };
  return { tone: CLOUD_ACT_TONE[status], label: t(CLOUD_ACT_LABEL[status]) };
}

function hdsStatus(a: Assessment, today: string): Status {
  const view = a.hds;
  const expired = view.validity === 'expired';
  const state = view.status === 'certified' ? hdsCertificateState(a.provider.hds, today) : null;
  const tone: Tone =
    view.status === 'certified' ? (state === 'expires-soon' || state === 'renewal-not-confirmed' ? 'warn' : 'good') : expired ? 'bad' : view.status === 'not-certified' ? 'none' : 'neutral';
  return { tone, label: expired ? t('hdsExpired') : t(HDS_LABEL[view.status]) };
}

function secNumCloudStatus(a: Assessment): Status {
  const view = a.secnumcloud;
  const expired = view.validity === 'expired';
  const tone: Tone = view.status === 'qualified' ? (view.validity === 'expires-soon' ? 'warn' : 'good') : view.status === 'in-progress' ? 'warn' : expired ? 'bad' : view.status === 'not-qualified' ? 'none' : 'neutral';
  return { tone, label: expired ? t('sncExpired') : t(SECNUMCLOUD_LABEL[view.status]) };
}

const jurisdictionUnknown = (j: Provider['jurisdiction']) => j.entity === null && j.hq === null && j.parent === null && j.parentHq === null;

/** Under the name: the operating entity and its country, and the parent's when different. */
function Headquarters({ p, lang }: { p: Provider; lang: UiLang }) {
  const j = p.jurisdiction;
  if (jurisdictionUnknown(j)) {
    return (
      <p class="card-hq card-hq-unknown" data-fact="headquarters">
        {t('jurisdictionNotVerified')}
      </p>
    );
  }
  const entity = j.entity ?? p.name;
  const showParent = j.parent !== null && (j.parent !== j.entity || j.parentHq !== j.hq);
  return (
    <p class="card-hq" data-fact="headquarters">
      <span class="sr-only">{t('claimJurisdiction')}</span>{' '}
      <span data-fact="entity">{j.hq ? t('jurisdictionEntity', [entity, countryWithCode(j.hq, lang)]) : entity}</span>
      {showParent ? (
        <span data-fact="parent" class="card-hq-parent">
          {j.parentHq ? t('jurisdictionParent', [j.parent!, countryWithCode(j.parentHq, lang)]) : t('jurisdictionParentNoCountry', [j.parent!])}
        </span>
      ) : null}
    </p>
  );
}

function Jurisdiction({ p, lang, id }: { p: Provider; lang: UiLang; id: string }) {
  const j = p.jurisdiction;
  const unknown = jurisdictionUnknown(j);
  return (
    <Claim kind="jurisdiction" heading={t('claimJurisdiction')} headingId={id} unknown={unknown} hint={isDefaultReason(j.reason, lang)} sources={j.sources} backing={claimBacking(j, p)} lang={lang}>
      <Reason reason={j.reason} lang={lang} />
      {j.registry ? (
        <p class="registry" data-registry={j.registry.kind}>
          {t('registryEntry', [t(REGISTRY_LABEL[j.registry.kind]), j.registry.id])}
        </p>
      ) : null}
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
      hint={isDefaultReason(c.reason, lang)}
      status={cloudActStatus(p)}
      sources={c.sources}
      backing={claimBacking(c, p)}
      rule={c.rule}
      lang={lang}
    >
      <Reason reason={c.reason} lang={lang} />
      {c.laws.length > 0 ? <p class="laws">{t('cloudActLaws', [formatList(c.laws.map((law) => t(LAW_LABEL[law])), lang)])}</p> : null}
      {c.via.map((via, i) => (
        <div key={`${via.entity}#${i}`} class="via-path" data-via-country={via.country}>
          <p class="via-path-head">{t('cloudActVia', [via.entity, countryWithCode(via.country, lang)])}</p>
          <Reason reason={via.reason} lang={lang} />
          <Sources sources={via.sources} lang={lang} />
        </div>
      ))}
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

/** "Not verified: holder, validity" for a certified or qualified claim that does not state them. */
function Gaps({ gaps, lang }: { gaps: ScopeGaps; lang: UiLang }) {
  const parts = [gaps.holder && t('scopeHolder'), gaps.scope && t('scopeScope'), gaps.validity && t('scopeValidity')].filter((x): x is string => typeof x === 'string');
  if (parts.length === 0) return null;
  return (
    <p class="gaps" data-gaps={[gaps.holder && 'holder', gaps.scope && 'scope', gaps.validity && 'validity'].filter(Boolean).join(' ')}>
      {t('scopeNotVerified', [formatList(parts, lang)])}
    </p>
  );
}

function Hds({ a, lang, today, id }: { a: Assessment; lang: UiLang; today: string; id: string }) {
  const p = a.provider;
  const h = p.hds;
  const certified = h.status === 'certified';
  const state = certified ? hdsCertificateState(h, today) : null;
  const details = [
    h.holder ? <li key="h">{t('hdsHolder', [h.holder])}</li> : null,
    h.services.length > 0 ? <li key="s" data-hds-covers="">{t('hdsCovers', [formatList(h.services, lang)])}</li> : null,
    h.notCovered.length > 0 ? <li key="n" data-hds-not-covered="">{t('hdsNotCovered', [formatList(h.notCovered, lang)])}</li> : null,
    h.activities.length > 0 ? <li key="a">{t('hdsActivities', [formatList(h.activities.map((n) => (HDS_ACTIVITY_LABEL[n] ? t(HDS_ACTIVITY_LABEL[n]) : String(n))), lang)])}</li> : null,
    h.regions.length > 0 ? <li key="r">{t('hdsRegions', [formatList(h.regions, lang)])}</li> : null,
    h.certificateId ? <li key="c">{t('hdsCertificate', [h.certificateId])}</li> : null,
    h.certifier ? <li key="b">{t('hdsCertifier', [h.certifier])}</li> : null,
    h.referential ? <li key="v">{t('hdsReferential', [h.referential])}</li> : null,
    h.issued ? (
      <li key="i">
        <time dateTime={h.issued}>{t('hdsIssued', [formatDate(h.issued, lang)])}</time>
      </li>
    ) : null,
    h.validUntil ? (
      <li key="u">
        <EndDate date={h.validUntil} today={today} lang={lang} />
      </li>
    ) : null,
  ].filter(Boolean);
  return (
    <Claim
      kind="hds"
      heading={t('claimHds')}
      headingId={id}
      unknown={h.status === 'unknown'}
      hint={isDefaultReason(h.reason, lang)}
      status={hdsStatus(a, today)}
      sources={h.sources}
      backing={claimBacking(h, p)}
      rule={h.rule}
      lang={lang}
    >
      <Reason reason={h.reason} lang={lang} />
      {details.length > 0 ? <ul class="facts">{details}</ul> : null}
      {state === 'renewal-not-confirmed' ? (
        <p class="renewal" data-hds-state={state}>
          {t('hdsRenewalNotConfirmedLong')}
        </p>
      ) : null}
      {certified ? <Gaps gaps={hdsGaps(h)} lang={lang} /> : null}
    </Claim>
  );
}

function SecNumCloud({ a, lang, today, id }: { a: Assessment; lang: UiLang; today: string; id: string }) {
  const p = a.provider;
  const s = p.secnumcloud;
  return (
    <Claim
      kind="secnumcloud"
      heading={t('claimSecNumCloud')}
      headingId={id}
      unknown={s.status === 'unknown'}
      hint={isDefaultReason(s.reason, lang)}
      status={secNumCloudStatus(a)}
      sources={s.sources}
      backing={claimBacking(s, p)}
      rule={s.rule}
      lang={lang}
    >
      <Reason reason={s.reason} lang={lang} />
      {s.status === 'in-progress' ? (
        <p class="milestone" data-milestone={s.milestone?.stage ?? ''}>
          {s.milestone
            ? s.milestone.date
              ? t('sncMilestoneOn', [s.milestone.stage, formatDate(s.milestone.date, lang)])
              : t('sncMilestone', [s.milestone.stage])
            : t('sncNoMilestone')}
        </p>
      ) : null}
      {s.referential ? <p class="referential">{t('sncReferential', [s.referential])}</p> : null}
      {s.services.length > 0 ? (
        <ul class="facts services" aria-label={t('sncServices')}>
          {s.services.map((service, i) => (
            <li key={`${service.name}#${i}`} data-service={service.name}>
              <span class="service-name">{service.name}</span>
              {service.type ? <span class="service-type"> ({service.type.toUpperCase()})</span> : null}
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
      {s.status === 'qualified' ? <Gaps gaps={secNumCloudGaps(s)} lang={lang} /> : null}
    </Claim>
  );
}

/** A mark under a tile when the status rests on a rule or on third parties only. */
function evidenceNote(backing: Backing): 'inferred' | 'secondhand' | null {
  if (backing === 'inferred') return 'inferred';
  return backing === 'none' || isFirstHand(backing) ? null : 'secondhand';
}

function hdsNote(a: Assessment, today: string, lang: UiLang): ComponentChildren {
  if (a.hds.status !== 'certified') return null;
  const state = hdsCertificateState(a.provider.hds, today);
  if (state === 'renewal-not-confirmed') return t('hdsRenewalNotConfirmed');
  if (state === 'validity-not-verified') return t('hdsValidityNotVerified');
  const until = a.provider.hds.validUntil;
  return until ? <time dateTime={until}>{t('summaryUntil', [formatDate(until, lang)])}</time> : null;
}

function sncNote(a: Assessment): string | null {
  const n = a.provider.secnumcloud.services.length;
  if (a.secnumcloud.status !== 'qualified' || n === 0) return null;
  return n === 1 ? t('sncOneService') : t('sncServiceCount', [String(n)]);
}

/** The one-line status summary: CLOUD Act, HDS (with its end date), SecNumCloud. */
function Summary({ a, lang, today }: { a: Assessment; lang: UiLang; today: string }) {
  const p = a.provider;
  const viaNote = p.cloudAct.via.length > 0 ? t('cloudActViaNote') : null;
  return (
    <dl class="card-summary">
      <SummaryItem kind="cloud-act" label={t('summaryCloudAct')} status={cloudActStatus(p)} note={viaNote ?? undefined} evidence={evidenceNote(claimBacking(p.cloudAct, p))} />
      <SummaryItem kind="hds" label={t('summaryHds')} status={hdsStatus(a, today)} note={hdsNote(a, today, lang) ?? undefined} evidence={evidenceNote(claimBacking(p.hds, p))} />
      <SummaryItem kind="secnumcloud" label={t('summarySecNumCloud')} status={secNumCloudStatus(a)} note={sncNote(a) ?? undefined} evidence={evidenceNote(claimBacking(p.secnumcloud, p))} />
    </dl>
  );
}

export function ProviderCard({ assessment: a, lang, today, found, custom = false, managed = false, idPrefix, expanded = found === undefined, alternatives = [] }: ProviderCardProps) {
  const p = a.provider;
  const id = (part: string) => `${idPrefix}-${part}`;
  const viaHost = found?.via.includes('host') ?? false;
  const viaText = found?.via.includes('text') ?? false;
  const snippets = found?.snippets ?? [];
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
      <Headquarters p={p} lang={lang} />
      {viaHost || custom || managed ? (
        <p class="via">
          {viaHost ? (
            <span class="via-host" data-via-host="">
              {t('cardViaHost', [p.name])}
            </span>
          ) : null}
          {managed ? (
            <span data-managed="">
              <StatusChip tone="neutral">{t('managedBadge')}</StatusChip>
            </span>
          ) : custom ? (
            <StatusChip tone="neutral">{t('cardCustom')}</StatusChip>
          ) : null}
        </p>
      ) : null}
      <Summary a={a} lang={lang} today={today} />
      <Reason reason={p.cloudAct.reason} lang={lang} class="card-reason" />
      <details class="card-details" open={expanded}>
        <summary class="card-details-summary">{t('cardDetails')}</summary>
        <div class="card-details-body">
          <Jurisdiction p={p} lang={lang} id={id('jurisdiction')} />
          <CloudAct p={p} lang={lang} id={id('cloud-act')} />
          <Hds a={a} lang={lang} today={today} id={id('hds')} />
          <SecNumCloud a={a} lang={lang} today={today} id={id('secnumcloud')} />
          {viaText || snippets.length > 0 ? (
            <section class="snippets" aria-labelledby={id('snippets')}>
              <h4 id={id('snippets')} class="claim-heading">
                {snippets.length > 0 ? t('cardSnippets') : t('cardViaText')}
              </h4>
              {snippets.length > 0 ? (
                <ul>
                  {snippets.map((s, i) => (
                    <li key={i}>
                      <q>{s}</q>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
          {alternatives.length > 0 ? (
            <section class="alternatives" aria-labelledby={id('alternatives')} data-testid="alternatives">
              <h4 id={id('alternatives')} class="claim-heading">
                {t('cardAlternatives')}
              </h4>
              <ul>
                {alternatives.map((alt) => (
                  <li key={alt.provider.id} data-alternative-id={alt.provider.id}>
                    <strong>{alt.provider.name}</strong>
                    {alt.provider.jurisdiction.hq ? ` (${alt.provider.jurisdiction.hq})` : ''} — {[alt.hds.status === 'certified' ? 'HDS' : null, alt.secnumcloud.status === 'qualified' ? 'SecNumCloud' : null].filter(Boolean).join(' + ')}
                  </li>
                ))}
              </ul>
              <p class="hint">{t('cardAlternativesHint')}</p>
            </section>
          ) : null}
        </div>
      </details>
    </article>
  );
}
