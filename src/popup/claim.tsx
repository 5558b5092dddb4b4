// One claim of a provider card (headquarters, CLOUD Act, HDS, SecNumCloud):
// a heading, its status (colour always paired with text), the details, and
// under it the sources that back it.
import type { ComponentChildren } from 'preact';
import type { LocalText, Source } from '../data/schema';
import { t } from '../shared/i18n';
import { formatDate, safeHttpsUrl, type UiLang } from '../ui/format';

/** Tone of a status chip: the colour is always paired with the text. */
export type Tone = 'bad' | 'warn' | 'good' | 'neutral';

export function StatusChip({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`chip chip-${tone}`}>{children}</span>;
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
              {s.kind ? <span>{t(s.kind === 'primary' ? 'sourcePrimary' : 'sourceSecondary')}</span> : null}
              <span>
                <time dateTime={s.verified}>{t('sourceVerified', [formatDate(s.verified, lang)])}</time>
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const DEFAULT_REASONS = new Set(['not verified yet.', 'pas encore vérifié.', 'not verified yet', 'pas encore vérifié']);

/** The one-line reason in the UI language (not repeated when it only says "not verified"). */
export function Reason({ reason, lang }: { reason: LocalText; lang: UiLang }) {
  const text = reason[lang];
  if (DEFAULT_REASONS.has(text.trim().toLowerCase())) return null;
  return <p class="reason" lang={lang}>{text}</p>;
}

export interface ClaimProps {
  /** Stable hook for tests and styles: jurisdiction | cloud-act | hds | secnumcloud. */
  kind: string;
  heading: string;
  headingId: string;
  /** "Not verified yet" (a neutral look, not an error). */
  unknown: boolean;
  status?: { tone: Tone; label: string } | undefined;
  sources: readonly Source[];
  lang: UiLang;
  children?: ComponentChildren;
}

export function Claim({ kind, heading, headingId, unknown, status, sources, lang, children }: ClaimProps) {
  return (
    <section class={`claim${unknown ? ' claim-unknown' : ''}`} data-claim={kind} aria-labelledby={headingId}>
      <h4 id={headingId} class="claim-heading">
        {heading}
      </h4>
      {unknown ? (
        <p class="claim-status">
          <StatusChip tone="neutral">{t('claimNotVerified')}</StatusChip> <span class="hint">{t('claimNotVerifiedHint')}</span>
        </p>
      ) : status ? (
        <p class="claim-status">
          <StatusChip tone={status.tone}>{status.label}</StatusChip>
        </p>
      ) : null}
      {children}
      <Sources sources={sources} lang={lang} />
    </section>
  );
}
