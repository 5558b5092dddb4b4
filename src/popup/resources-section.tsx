// "This page loads from": the providers whose hosts served the page's
// scripts, fonts, images and API calls (Resource Timing), with counts.
import { providerLevel } from '../core/assess';
import type { Provider } from '../data/schema';
import { t } from '../shared/i18n';
import type { ResourceProvider } from '../shared/protocol';
import { LEVEL_LABEL } from '../ui/level-label';

const MAX_HOSTS_SHOWN = 3;

export function ResourcesSection({ resources, byId }: { resources: readonly ResourceProvider[]; byId: ReadonlyMap<string, Provider> }) {
  const known = resources.filter((r) => byId.has(r.id));
  if (known.length === 0) return null;
  return (
    <section class="resources" aria-labelledby="resources-heading" data-testid="resources">
      <h2 id="resources-heading">{t('popupResourcesHeading')}</h2>
      <ul>
        {known.map((r) => {
          const p = byId.get(r.id)!;
          const level = providerLevel(p);
          const hosts = r.hosts.slice(0, MAX_HOSTS_SHOWN).join(', ') + (r.hosts.length > MAX_HOSTS_SHOWN ? ', …' : '');
          return (
            <li key={r.id} data-resource-provider-id={r.id} data-resource-count={String(r.count)}>
              <span class="name">{p.name}</span>{' '}
              <span class={`level-pill level-${level}`}>
                <span class="level-dot" aria-hidden="true" />
                {t(LEVEL_LABEL[level])}
              </span>
              <span class="hint">{t('popupResourcesCount', [String(r.count), hosts])}</span>
            </li>
          );
        })}
      </ul>
      <p class="hint">{t('popupResourcesHint')}</p>
    </section>
  );
}
