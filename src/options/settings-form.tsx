// Settings: each change is saved at once through the storage module; the
// background listens to storage changes, so open tabs follow without reload.
import { useState } from 'preact/hooks';
import { LEVELS } from '../core/assess';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings-schema';
import { LEVEL_LABEL } from '../ui/level-label';
import { addSite, normaliseSite } from './settings-model';

export interface SettingsFormProps {
  settings: Settings;
  /** Saves a change; rejects with a message on failure. */
  onChange: (patch: Partial<Settings>) => Promise<void>;
}

export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);

  const addSilenced = async (e: Event) => {
    e.preventDefault();
    const host = normaliseSite(site);
    if (!host) return setSiteError(t('settingsSiteInvalid'));
    if (settings.silencedSites.includes(host)) return setSiteError(t('settingsSiteDuplicate'));
    setSiteError(null);
    try {
      await onChange({ silencedSites: addSite(settings.silencedSites, host) });
      setSite('');
    } catch {
      // The page shows the save error; the typed site stays in the box.
    }
  };

  const toggleLevel = (level: (typeof LEVELS)[number], on: boolean) =>
    void onChange({ warnLevels: LEVELS.filter((l) => (l === level ? on : settings.warnLevels.includes(l))) }).catch(() => undefined);

  return (
    <section class="panel settings" aria-labelledby="settings-heading" data-testid="settings">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>

      <div class="field">
        <label class="check">
          <input type="checkbox" data-setting="warningsEnabled" checked={settings.warningsEnabled} onChange={(e) => void onChange({ warningsEnabled: e.currentTarget.checked }).catch(() => undefined)} />
          {t('settingsWarnings')}
        </label>
      </div>

      <fieldset class="field check-group" data-setting="warnLevels">
        <legend>{t('settingsWarnLevels')}</legend>
        <div class="checks">
          {LEVELS.map((level) => (
            <label key={level} class="check">
              <input type="checkbox" data-setting="warnLevels" data-value={level} checked={settings.warnLevels.includes(level)} onChange={(e) => toggleLevel(level, e.currentTarget.checked)} />
              <span class={`chip level-chip level-${level}`}>{t(LEVEL_LABEL[level])}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div class="field">
        <label class="check">
          <input type="checkbox" data-setting="highlight" checked={settings.highlight} onChange={(e) => void onChange({ highlight: e.currentTarget.checked }).catch(() => undefined)} />
          {t('settingsHighlight')}
        </label>
      </div>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            data-setting="countResources"
            checked={settings.countResources}
            aria-describedby="count-resources-hint"
            onChange={(e) => void onChange({ countResources: e.currentTarget.checked }).catch(() => undefined)}
          />
          {t('settingsCountResources')}
        </label>
        <p id="count-resources-hint" class="hint">
          {t('settingsCountResourcesHint')}
        </p>
      </div>

      <fieldset class="field" data-setting="silencedSites" aria-describedby="silenced-hint">
        <legend>{t('settingsSilenced')}</legend>
        <p id="silenced-hint" class="hint">
          {t('settingsSilencedHint')}
        </p>
        {settings.silencedSites.length === 0 ? (
          <p class="hint">{t('settingsSilencedEmpty')}</p>
        ) : (
          <ul class="site-list">
            {settings.silencedSites.map((s) => (
              <li key={s} data-silenced-site={s}>
                <span class="site">{s}</span>
                <button
                  type="button"
                  class="button"
                  data-testid="remove-site"
                  aria-label={t('settingsSiteRemoveLabel', [s])}
                  onClick={() => void onChange({ silencedSites: settings.silencedSites.filter((x) => x !== s) }).catch(() => undefined)}
                >
                  {t('settingsSiteRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="inline add-site" onSubmit={(e) => void addSilenced(e)} noValidate>
          <div class="field">
            <label for="site-input">{t('settingsSiteLabel')}</label>
            <div class="inline">
              <input
                id="site-input"
                data-testid="site-input"
                type="text"
                autocomplete="off"
                spellcheck={false}
                value={site}
                aria-invalid={siteError !== null}
                aria-describedby={siteError ? 'site-error' : undefined}
                onInput={(e) => setSite(e.currentTarget.value)}
              />
              <button type="submit" class="button" data-testid="add-site">
                {t('settingsSiteAdd')}
              </button>
            </div>
            {siteError ? (
              <p id="site-error" class="field-error">
                {siteError}
              </p>
            ) : null}
          </div>
        </form>
      </fieldset>

      <p class="note" data-testid="language-note">
        {t('settingsLanguage')}
      </p>
    </section>
  );
}
