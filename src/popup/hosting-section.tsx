// "Served from": who runs the server of the page (hosting detection, off by
// default), and a clear flag when the page claims French, EU or
// sovereign hosting while its server belongs to a provider exposed to the
// CLOUD Act.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { providerLevel } from '../core/assess';
import type { Provider } from '../data/schema';
import { onStoredChange, storage } from '../shared/browser-storage';
import { t } from '../shared/i18n';
import type { TabView } from '../shared/protocol';
import { LEVEL_LABEL } from '../ui/level-label';

/** Whether hosting detection is on (the setting), kept current. */
export function useHostingEnabled(): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const check = () => void storage.readSettings().then((s) => setOn(s.value.hostingDetection), () => setOn(false));
    check();
    onStoredChange(({ settings }) => settings && check(), controller.signal);
    return () => controller.abort();
  }, []);
  return on;
}

export function HostingSection({ view, byId, enabled }: { view: TabView; byId: ReadonlyMap<string, Provider>; enabled: boolean | null }) {
  if (!enabled) return null;
  const h = view.hosting;
  if (!h) {
    return (
      <section class="hosting" data-testid="hosting" aria-label={t('hostingHeading')}>
        <p class="hint">{t('hostingNoAddress')}</p>
      </section>
    );
  }
  const p = h.providerId ? byId.get(h.providerId) : undefined;
  const exposed = p?.cloudAct.status === 'exposed';
  const claim = view.claims[0];
  return (
    <section class="hosting" data-testid="hosting" aria-labelledby="hosting-heading">
      <h2 id="hosting-heading" class="sr-only">
        {t('hostingHeading')}
      </h2>
      {p ? (
        <p data-hosting-provider-id={p.id} data-hosting-asn={String(h.asn)}>
          {t('hostingServedBy', [p.name, `AS${h.asn}`])}{' '}
          <span class={`level-pill level-${providerLevel(p)}`}>
            <span class="level-dot" aria-hidden="true" />
            {t(LEVEL_LABEL[providerLevel(p)])}
          </span>{' '}
          <span class="hint">{h.ip}</span>
        </p>
      ) : (
        <p data-hosting-ip={h.ip}>{t('hostingUnlisted', [h.ip])}</p>
      )}
      {p && exposed && claim ? (
        <p class="mismatch" role="alert" data-hosting-mismatch="">
          <strong>{t('hostingMismatchTitle')}</strong> {t('hostingMismatch', [claim, p.name])}
        </p>
      ) : null}
    </section>
  );
}

/** At the bottom of the popup while hosting detection is off: what it would add, and where to turn it on. */
export function HostingHint({ enabled }: { enabled: boolean | null }) {
  if (enabled !== false) return null;
  return (
    <p class="hint hosting-hint" data-testid="hosting-hint">
      {t('hostingOffHint')}{' '}
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('hostingOffAction')}
      </button>
    </p>
  );
}
