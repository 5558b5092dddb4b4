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
  /** Settings the organisation's policy sets: shown, not editable. */
  locked?: ReadonlySet<keyof Settings>;
  /** Sites the policy silences (listed, not removable). */
  managedSites?: ReadonlySet<string>;
}

const NONE: ReadonlySet<never> = new Set();

/** Says why a control cannot be changed. */
function ManagedNote({ id }: { id: string }) {
  return (
    <p id={id} class="hint managed-note" data-managed="">
      {t('managedSettingNote')}
    </p>
  );
}

export function SettingsForm({ settings, onChange, locked = NONE, managedSites = NONE }: SettingsFormProps) {
  const lockedHint = (key: keyof Settings, own?: string) => (locked.has(key) ? `managed-${key}` : own);
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
          <input type="checkbox" data-setting="warningsEnabled" disabled={locked.has('warningsEnabled')} aria-describedby={lockedHint('warningsEnabled')} checked={settings.warningsEnabled} onChange={(e) => void onChange({ warningsEnabled: e.currentTarget.checked }).catch(() => undefined)} />
          {t('settingsWarnings')}
        </label>
        {locked.has('warningsEnabled') ? <ManagedNote id="managed-warningsEnabled" /> : null}
      </div>

      <fieldset class="field check-group" data-setting="warnLevels" disabled={locked.has('warnLevels')} aria-describedby={lockedHint('warnLevels')}>
        <legend>{t('settingsWarnLevels')}</legend>
        <div class="checks">
          {LEVELS.map((level) => (
            <label key={level} class="check">
              <input type="checkbox" data-setting="warnLevels" data-value={level} checked={settings.warnLevels.includes(level)} onChange={(e) => toggleLevel(level, e.currentTarget.checked)} />
              <span class={`chip level-chip level-${level}`}>{t(LEVEL_LABEL[level])}</span>
            </label>
          ))}
        </div>
        {locked.has('warnLevels') ? <ManagedNote id="managed-warnLevels" /> : null}
      </fieldset>

      <div class="field">
        <label class="check">
          <input type="checkbox" data-setting="highlight" disabled={locked.has('highlight')} aria-describedby={lockedHint('highlight')} checked={settings.highlight} onChange={(e) => void onChange({ highlight: e.currentTarget.checked }).catch(() => undefined)} />
          {t('settingsHighlight')}
        </label>
        {locked.has('highlight') ? <ManagedNote id="managed-highlight" /> : null}
      </div>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            data-setting="countResources"
            disabled={locked.has('countResources')}
            checked={settings.countResources}
            aria-describedby={locked.has('countResources') ? 'count-resources-hint managed-countResources' : 'count-resources-hint'}
            onChange={(e) => void onChange({ countResources: e.currentTarget.checked }).catch(() => undefined)}
          />
          {t('settingsCountResources')}
        </label>
        <p id="count-resources-hint" class="hint">
          {t('settingsCountResourcesHint')}
        </p>
        {locked.has('countResources') ? <ManagedNote id="managed-countResources" /> : null}
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
                {managedSites.has(s) ? (
                  <span class="chip" data-managed="">
                    {t('managedBadge')}
                  </span>
                ) : (
                <button
                  type="button"
                  class="button"
                  data-testid="remove-site"
                  aria-label={t('settingsSiteRemoveLabel', [s])}
                  onClick={() => void onChange({ silencedSites: settings.silencedSites.filter((x) => x !== s) }).catch(() => undefined)}
                >
                  {t('settingsSiteRemove')}
                </button>
                )}
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
