// Providers the organisation's policy sets: listed read-only, with what the
// person needs to know (id, level, headquarters, statuses); no edit or delete.
import { providerLevel } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import { CLOUD_ACT_LABEL, HDS_LABEL, LEVEL_LABEL, SECNUMCLOUD_LABEL } from '../ui/level-label';

export function ManagedProviders({ providers }: { providers: readonly Provider[] }) {
  return (
    <section class="managed-providers" aria-labelledby="managed-heading" data-testid="managed-provider-list">
      <h3 id="managed-heading">{t('managedProvidersHeading')}</h3>
      <p class="hint">{t('managedProvidersIntro')}</p>
      <ul class="provider-list">
        {providers.map((p) => {
          const level = providerLevel(p);
          return (
            <li key={p.id} class="provider-row" data-managed-provider-id={p.id}>
              <div class="row-main">
                <span class="row-name">{p.name}</span> <code class="row-id">{p.id}</code> <span class={`chip level-chip level-${level}`}>{t(LEVEL_LABEL[level])}</span>{' '}
                <span class="chip chip-neutral" data-managed="">
                  {t('managedBadge')}
                </span>
                <p class="hint">
                  {[t('summaryCloudAct') + ': ' + t(CLOUD_ACT_LABEL[p.cloudAct.status]), 'HDS: ' + t(HDS_LABEL[p.hds.status]), 'SecNumCloud: ' + t(SECNUMCLOUD_LABEL[p.secnumcloud.status])].join(' · ')}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
