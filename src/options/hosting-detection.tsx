// Hosting detection on/off (the `hostingDetection` setting, off by default):
// what it does, what it reads, and that nothing leaves the browser.
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings-schema';

export interface HostingDetectionProps {
  on: boolean;
  /** Set by the organisation's policy. */
  locked: boolean;
  onChange: (patch: Partial<Settings>) => Promise<void>;
}

export function HostingDetection({ on, locked, onChange }: HostingDetectionProps) {
  return (
    <section class="panel" aria-labelledby="hosting-heading" data-testid="hosting-detection">
      <h2 id="hosting-heading">{t('hostingOptionsHeading')}</h2>
      <p id="hosting-intro" class="hint">
        {t('hostingOptionsIntro')}
      </p>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            data-setting="hostingDetection"
            checked={on}
            disabled={locked}
            aria-describedby={locked ? 'hosting-intro managed-hostingDetection' : 'hosting-intro'}
            onChange={(e) => void onChange({ hostingDetection: e.currentTarget.checked }).catch(() => undefined)}
          />
          {t('hostingToggle')}
        </label>
        {locked ? (
          <p id="managed-hostingDetection" class="hint managed-note" data-managed="">
            {t('managedSettingNote')}
          </p>
        ) : null}
      </div>
      <p class="hint">{t('hostingCredit')}</p>
    </section>
  );
}
