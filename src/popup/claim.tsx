// One claim of a provider card (headquarters, CLOUD Act, HDS, SecNumCloud):
// a heading with its status (colour always paired with text), the details,
// and under it the sources that back it. Also the compact status used in the
// card's one-line summary.
import { todayIso } from '../core/assess';
import type { Backing } from '../core/evidence';
import type { ComponentChildren } from 'preact';
import type { RuleId } from '../data/rule-ids';
import { RULES } from '../data/rules';
import type { LocalText, Source } from '../data/schema';
import { t } from '../shared/i18n';
import { formatDate, safeHttpsUrl, type UiLang } from '../ui/format';
import { BACKING_LABEL, SOURCE_KIND_LABEL } from '../ui/level-label';

/** Tone of a status chip: the colour is always paired with the text. */
/** `none`: a sourced absence (not certified, not qualified); `neutral`: not verified. */
export type Tone = 'bad' | 'warn' | 'good' | 'neutral' | 'none';

/** A status shown as text plus a tone (colour and a shape, never colour alone). */
export interface Status {
  tone: Tone;
  label: string;
}

/** A shape per tone, so that the tone reads without colour too (the text says it in full). */
const TONE_MARK: Record<Tone, string> = { bad: '✕', warn: '!', good: '✓', neutral: '?', none: '–' };

export function StatusChip({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`chip chip-${tone}`}>{children}</span>;
}

/**
 * One cell of a card's summary row: a short label, the status, an optional
 * note (an end date, a scope), and a mark when the status is inferred or rests
 * on third parties only (a dashed look, and the words).
 */
export function SummaryItem({ kind, label, status, note, evidence = null }: { kind: string; label: string; status: Status; note?: ComponentChildren; evidence?: 'inferred' | 'secondhand' | null }) {
  return (
    <div class={`summary-item tone-${status.tone}${evidence ? ` evidence-${evidence}` : ''}`} data-summary={kind} data-tone={status.tone} data-evidence={evidence ?? ''}>
      <dt class="summary-label">{label}</dt>
      <dd class="summary-status">
        <span class="summary-mark" aria-hidden="true">
          {TONE_MARK[status.tone]}
        </span>
        <span class="summary-text">{status.label}</span>
        {note ? <span class="summary-note">{note}</span> : null}
        {evidence ? <span class="summary-evidence">{t(evidence === 'inferred' ? 'summaryInferred' : 'summarySecondhand')}</span> : null}
      </dd>
    </div>
  );
}

/** A source checked more than a year ago: still shown, flagged to check again. */
export function isStale(verified: string, today: string): boolean {
  const [y, m, d] = verified.split('-').map(Number);
  return `${String((y ?? 0) + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` < today;
}

export function Sources({ sources, lang }: { sources: readonly Source[]; lang: UiLang }) {
  if (sources.length === 0) return null;
  return (
    <ul class="sources" aria-label={t('sourcesLabel')}>
      {sources.map((s, i) => {
        const href = safeHttpsUrl(s.url);
        return (
          <li key={`${s.url}#${i}`} class="source" data-source-kind={s.kind ?? ''}>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {s.title}
                <span class="sr-only"> {t('linkNewTab')}</span>
              </a>
            ) : (
              <span>{s.title}</span>
            )}
            <span class="source-meta">
              {s.kind ? <span>{t(SOURCE_KIND_LABEL[s.kind])}</span> : null}
              <span>
                <time dateTime={s.verified}>{t('sourceVerified', [formatDate(s.verified, lang)])}</time>
              </span>
              {isStale(s.verified, todayIso()) ? (
                <span class="stale" data-stale="">
                  {t('sourceStale')}
                </span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const DEFAULT_REASONS = new Set(['not verified yet.', 'pas encore vérifié.', 'not verified yet', 'pas encore vérifié']);

/** True when a reason only says "not verified" (then it is not repeated). */
export const isDefaultReason = (reason: LocalText, lang: UiLang) => DEFAULT_REASONS.has(reason[lang].trim().toLowerCase());

/** The reason in the UI language (not repeated when it only says "not verified"). */
export function Reason({ reason, lang, class: extra }: { reason: LocalText; lang: UiLang; class?: string }) {
  if (isDefaultReason(reason, lang)) return null;
  return (
    <p class={extra ? `reason ${extra}` : 'reason'} lang={lang}>
      {reason[lang]}
    </p>
  );
}

/**
 * How the claim is known, in words: "Inferred from its US seat…" with a link
 * to the rule's official text, or "Stated by the provider", "Listed in an
 * official register", "Reported by the press only".
 */
export function Evidence({ backing, rule, lang }: { backing: Backing; rule: RuleId | null; lang: UiLang }) {
  if (backing === 'none') return null;
  if (backing === 'inferred') {
    const r = rule ? RULES[rule] : null;
    return (
      <p class="evidence evidence-inferred" data-evidence="inferred" data-rule={rule ?? ''}>
        {t('evidenceInferred', [r ? r.from[lang] : '?'])}
        {r && r.sources.length > 0 ? (
          <>
            {' · '}
            {t('evidenceRule')}{' '}
            {r.sources.map((s, i) => {
              const href = safeHttpsUrl(s.url);
              return (
                <span key={s.url}>
                  {i > 0 ? ', ' : ''}
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener" title={s.title}>
                      {s.short}
                      <span class="sr-only"> {t('linkNewTab')}</span>
                    </a>
                  ) : (
                    s.short
                  )}
                </span>
              );
            })}
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p class={`evidence evidence-${backing}`} data-evidence={backing}>
      {t(BACKING_LABEL[backing])}
    </p>
  );
}

export interface ClaimProps {
  /** Stable hook for tests and styles: jurisdiction | cloud-act | hds | secnumcloud. */
  kind: string;
  heading: string;
  headingId: string;
  /** "Not verified yet" (a neutral look, not an error). */
  unknown: boolean;
  status?: Status | undefined;
  /** For an unknown claim: say that no source was checked (off when the claim's own reason says more). */
  hint?: boolean;
  sources: readonly Source[];
  /** How the claim is known (omitted for an unknown claim). */
  backing?: Backing;
  rule?: RuleId | null;
  lang: UiLang;
  children?: ComponentChildren;
}

export function Claim({ kind, heading, headingId, unknown, status, hint = true, sources, backing, rule = null, lang, children }: ClaimProps) {
  return (
    <section class={`claim${unknown ? ' claim-unknown' : ''}`} data-claim={kind} aria-labelledby={headingId}>
      <div class="claim-head">
        <h4 id={headingId} class="claim-heading">
          {heading}
        </h4>
        {unknown ? <StatusChip tone="neutral">{t('claimNotVerified')}</StatusChip> : status ? <StatusChip tone={status.tone}>{status.label}</StatusChip> : null}
      </div>
      {unknown && hint ? <p class="hint claim-hint">{t('claimNotVerifiedHint')}</p> : null}
      {!unknown && backing ? <Evidence backing={backing} rule={rule} lang={lang} /> : null}
      {children}
      <Sources sources={sources} lang={lang} />
    </section>
  );
}
