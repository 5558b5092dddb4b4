// The options page: custom providers (add, edit, delete, override a bundled
// one), import/export, settings. Every write goes through the storage module
// and writes once; a failure shows the error and loses nothing.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bundledDataset } from '../data/load';
import type { Provider } from '../data/schema';
import { onStoredChange, storage } from '../shared/browser-storage';
import { t } from '../shared/i18n';
import { displayLanguage } from '../ui/lang';
import { EMPTY_POLICY, lockedSettings, type ManagedPolicy } from '../shared/managed-policy';
import type { Settings } from '../shared/settings-schema';
import { HostingDetection } from './hosting-detection';
import { ManagedProviders } from './managed-providers';
import { ImportExportPanel } from './import-export-panel';
import { ProviderForm } from './provider-form';
import { ProviderList } from './provider-list';
import { SettingsForm } from './settings-form';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function App() {
  const bundled = bundledDataset().providers;
  const bundledById = useMemo(() => new Map(bundled.map((p) => [p.id, p])), [bundled]);
  const bundledIds = useMemo(() => new Set(bundledById.keys()), [bundledById]);

  const [custom, setCustom] = useState<Provider[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ManagedPolicy>(EMPTY_POLICY);
  const [loadErrors, setLoadErrors] = useState<{ custom?: string | undefined; settings?: string | undefined; stored?: string | undefined }>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const loadCustom = useCallback(async () => {
    const r = await storage.readCustomProviders();
    setCustom(r.value);
    setLoadErrors((e) => ({ ...e, custom: r.error }));
  }, []);
  const loadSettings = useCallback(async () => {
    const [r, managed] = await Promise.all([storage.readSettings(), storage.readManaged()]);
    setSettings(r.value);
    setPolicy(managed);
    setLoadErrors((e) => ({ ...e, settings: r.error }));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const guard = (p: Promise<unknown>) => p.catch((e: unknown) => setError(t('optionsStoredError', [message(e)])));
    void guard(loadCustom());
    void guard(loadSettings());
    void guard(storage.readError().then((stored) => setLoadErrors((e) => ({ ...e, stored }))));
    // Changes made elsewhere (another options tab, the in-page notice) show up here too.
    onStoredChange(({ settings: s, custom: c }) => {
      if (s) void guard(loadSettings());
      if (c) void guard(loadCustom());
    }, controller.signal);
    return () => controller.abort();
  }, [loadCustom, loadSettings]);

  const announce = (text: string) => {
    setError(null);
    setStatus(text);
  };

  /** Validates and writes the whole list once; on failure shows why and keeps everything as it was. */
  const writeCustom = async (next: Provider[]) => {
    setBusy(true);
    try {
      const saved = await storage.writeCustomProviders(next);
      setCustom(saved);
      setLoadErrors((e) => ({ ...e, custom: undefined }));
    } catch (e) {
      setStatus('');
      setError(t('optionsSaveFailed', [message(e)]));
      throw e;
    } finally {
      setBusy(false);
    }
  };

  const list = custom ?? [];
  const editingProvider = editing?.mode === 'edit' ? (list.find((p) => p.id === editing.id) ?? null) : null;
  const managedIds = new Set(policy.providers.map((p) => p.id));
  const takenIds = new Set([...list.map((p) => p.id).filter((id) => id !== editingProvider?.id), ...managedIds]);

  const saveProvider = async (provider: Provider, previousId: string | null) => {
    const next = previousId === null ? [...list, provider] : list.map((p) => (p.id === previousId ? provider : p));
    await writeCustom(next);
    setEditing(null);
    announce(t('optionsSaved', [provider.name]));
    queueMicrotask(() => addButton.current?.focus());
  };

  const removeProvider = async (id: string) => {
    const target = list.find((p) => p.id === id);
    if (!target) return;
    try {
      await writeCustom(list.filter((p) => p.id !== id));
    } catch {
      return;
    }
    setConfirming(null);
    if (editing?.mode === 'edit' && editing.id === id) setEditing(null);
    announce(bundledIds.has(id) ? t('optionsReverted', [target.name]) : t('optionsDeleted', [target.name]));
    queueMicrotask(() => addButton.current?.focus());
  };

  const changeSettings = async (patch: Partial<Settings>) => {
    try {
      const next = await storage.writeSettings(patch);
      setSettings(next);
      setLoadErrors((e) => ({ ...e, settings: undefined }));
      announce(t('settingsSaved'));
    } catch (e) {
      setStatus('');
      setError(t('optionsSaveFailed', [message(e)]));
      throw e;
    }
  };

  const storedProblems = [loadErrors.stored, loadErrors.custom, loadErrors.settings].filter((x): x is string => Boolean(x));
  const policyProblems = policy.errors.map((e) => t('managedPolicyError', [e]));

  return (
    <>
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>
        <div class="messages">
          <div data-testid="error-region" role="alert" class="alerts">
            {storedProblems.map((p, i) => (
              <p key={i} class="error">
                {t('optionsStoredError', [p])}
              </p>
            ))}
            {policyProblems.map((p, i) => (
              <p key={`policy-${i}`} class="error" data-managed-error="">
                {p}
              </p>
            ))}
            {error ? <p class="error">{error}</p> : null}
          </div>
          <p data-testid="status" role="status" class="status">
            {status}
          </p>
        </div>

        <section class="panel" aria-labelledby="providers-heading">
          <h2 id="providers-heading">{t('optionsProvidersHeading')}</h2>
          <p class="hint">{t('optionsProvidersIntro')}</p>
          {policy.providers.length > 0 ? <ManagedProviders providers={policy.providers} /> : null}
          {custom === null ? (
            <p class="hint">{t('popupLoading')}</p>
          ) : (
            <ProviderList
              providers={list}
              bundledIds={bundledIds}
              confirming={confirming}
              busy={busy}
              onEdit={(id) => {
                setConfirming(null);
                setEditing({ mode: 'edit', id });
              }}
              onAskRemove={setConfirming}
              onConfirmRemove={(id) => void removeProvider(id)}
              onCancelRemove={() => setConfirming(null)}
            />
          )}
          {editing === null ? (
            <button type="button" class="button primary" ref={addButton} data-testid="add-provider" disabled={custom === null} onClick={() => setEditing({ mode: 'new' })}>
              {t('optionsAddProvider')}
            </button>
          ) : (
            <ProviderForm
              key={editing.mode === 'edit' ? `edit:${editing.id}` : 'new'}
              editing={editingProvider}
              bundled={bundled}
              takenIds={takenIds}
              onSave={saveProvider}
              onCancel={() => {
                setEditing(null);
                queueMicrotask(() => addButton.current?.focus());
              }}
            />
          )}
        </section>

        {custom === null ? null : (
          <ImportExportPanel
            custom={list}
            bundledById={bundledById}
            managedIds={managedIds}
            onApply={async (merged) => {
              await writeCustom(merged);
            }}
            onStatus={announce}
          />
        )}

        {settings ? <HostingDetection on={settings.hostingDetection} locked={lockedSettings(policy).includes('hostingDetection')} onChange={changeSettings} /> : null}

        {settings ? <SettingsForm settings={settings} onChange={changeSettings} locked={new Set(lockedSettings(policy))} managedSites={new Set(policy.settings.silencedSites ?? [])} /> : null}
      </main>
    </>
  );
}

const lang = displayLanguage();
document.documentElement.lang = lang;
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);

