// The page's verdict: the worst level among its providers, in one sentence,
// the colour always paired with text.
import type { Level } from '../core/assess';
import { t } from '../shared/i18n';
import { LEVEL_LABEL, VERDICT_SENTENCE } from '../ui/level-label';

export function PageVerdict({ level, count, host }: { level: Level; count: number; host: string | null }) {
  return (
    <section class={`verdict level-${level}`} data-testid="page-verdict" data-level={level} aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" class="verdict-level">
        <span class="level-dot" aria-hidden="true" />
        {t('verdictLabel', [t(LEVEL_LABEL[level])])}
      </h2>
      <p class="verdict-sentence">{t(VERDICT_SENTENCE[level])}</p>
      <p class="verdict-meta">
        <span data-testid="provider-count">{t('verdictCount', [String(count)])}</span>
        {host ? <span class="verdict-host">{t('popupPageOn', [host])}</span> : null}
      </p>
    </section>
  );
}

export function EmptyState({ scanned, host }: { scanned: boolean; host: string | null }) {
  return (
    <section class="empty" data-testid="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('emptyTitle')}</h2>
      {host ? <p class="verdict-host">{t('popupPageOn', [host])}</p> : null}
      <p>{t('emptyBody')}</p>
      {scanned ? null : <p class="hint">{t('emptyNoState')}</p>}
      <p class="hint">{t('emptyLookupHint')}</p>
    </section>
  );
}
