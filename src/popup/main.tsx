// The popup (also opened in a tab as `index.html?tab=<id>`, the pop-out view).
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { alternativesFor } from '../core/alternatives';
import { todayIso } from '../core/assess';
import { bundledDataset, mergeProviders } from '../data/load';
import type { Provider } from '../data/schema';
import { onStoredChange, storage } from '../shared/browser-storage';
import { t } from '../shared/i18n';
import { displayLanguage } from '../ui/lang';
import { send } from '../shared/messages';
import type { TabView } from '../shared/protocol';
import { displayHost } from '../ui/format';
import { Lookup } from './lookup';
import { cardKey, lookupFromSearch, pageModel, tabIdFromSearch } from './model';
import { HostAccessBanner } from './host-access-banner';
import { EmptyState, PageVerdict } from './page-verdict';
import { ProviderCard } from './provider-card';
import { HostingHint, HostingSection, useHostingEnabled } from './hosting-section';
import { ResourcesSection } from './resources-section';

const POPUP_PATH = 'src/popup/index.html';
/** While the popup is open, the page may still be scanning: refresh the view this often. */
const REFRESH_MS = 1000;

type TabLoad = { status: 'loading' } | { status: 'ready'; view: TabView | null } | { status: 'error'; message: string };

async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = tabIdFromSearch(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type CustomState = { list: Provider[]; managedIds: ReadonlySet<string>; error: string | undefined };

/** The organisation's and the user's own providers, kept up to date. */
function useCustomProviders(): CustomState {
  const [state, setState] = useState<CustomState>({ list: [], managedIds: new Set(), error: undefined });
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      storage
        .readActiveCustomProviders()
        .then((r) => !controller.signal.aborted && setState({ list: r.value, managedIds: r.managedIds, error: r.error }))
        .catch((e: unknown) => setState((s) => ({ ...s, error: String(e) })));
    void load();
    onStoredChange(({ custom }) => custom && void load(), controller.signal);
    return () => controller.abort();
  }, []);
  return state;
}

function useTabView(tabId: number | null | undefined): TabLoad {
  const [load, setLoad] = useState<TabLoad>({ status: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setLoad({ status: 'ready', view: null });
      return;
    }
    let last = '';
    let stopped = false;
    const fetchState = async () => {
      try {
        const view = await send('tab/get-state', { tabId });
        const json = JSON.stringify(view);
        if (!stopped && json !== last) {
          last = json;
          setLoad({ status: 'ready', view: view ?? null });
        }
      } catch (e) {
        if (!stopped) setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    };
    void fetchState();
    const timer = setInterval(() => document.visibilityState === 'visible' && void fetchState(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tabId]);
  return load;
}

function App() {
  const lang = displayLanguage();
  const today = todayIso();
  const search = location.search;
  const inTab = tabIdFromSearch(search) !== null;
  // The pop-out view in a wide tab has room: every claim's sources and dates show at once.
  const roomy = inTab && window.matchMedia('(min-width: 560px)').matches;
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [lookupText, setLookupText] = useState<string | null>(() => lookupFromSearch(search));
  const custom = useCustomProviders();
  const tab = useTabView(tabId);

  useEffect(() => {
    resolveTabId(search).then(setTabId, () => setTabId(null));
    send('lookup/take', {}).then(
      (text) => {
        const trimmed = text?.trim().slice(0, 200);
        if (trimmed) setLookupText(trimmed);
      },
      () => undefined,
    );
  }, [search]);

  const providers = useMemo(() => mergeProviders(bundledDataset().providers, custom.list), [custom.list]);
  const customIds = useMemo(() => new Set(custom.list.map((p) => p.id)), [custom.list]);
  const byId = useMemo(() => new Map(providers.map((p) => [p.id, p])), [providers]);
  const view = tab.status === 'ready' ? tab.view : null;
  const hostingEnabled = useHostingEnabled();
  const model = useMemo(() => pageModel(view, providers, today), [view, providers, today]);
  const host = view ? displayHost(view.url) : null;

  const popOut = async () => {
    if (tabId === null || tabId === undefined) return;
    await browser.tabs.create({ url: browser.runtime.getURL(`${POPUP_PATH}?tab=${tabId}`) });
    if (!inTab) window.close();
  };

  return (
    <>
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <div class="top-actions">
          <button type="button" class="button" data-testid="pop-out" title={t('popupPopOutTitle')} disabled={tabId === null || tabId === undefined} onClick={() => void popOut()}>
            {t('popupPopOut')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="open-report"
            title={t('popupReportTitle')}
            disabled={tabId === null || tabId === undefined || model.page.level === null}
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`src/report/index.html?tab=${tabId}`) })}
          >
            {t('popupReport')}
          </button>
          <button type="button" class="button" data-testid="open-options" title={t('popupOptionsTitle')} onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOptions')}
          </button>
        </div>
      </header>
      <main>
        <HostAccessBanner />
        {view ? <HostingSection view={view} byId={byId} enabled={hostingEnabled} /> : null}
        {tab.status === 'loading' ? (
          <p class="hint" role="status">
            {t('popupLoading')}
          </p>
        ) : tab.status === 'error' ? (
          <p class="error" role="alert" data-testid="error-region">
            {t('popupLoadError', [tab.message])}
          </p>
        ) : model.page.level === null ? (
          <EmptyState scanned={view !== null} host={host} />
        ) : (
          <>
            <PageVerdict level={model.page.level} count={model.page.providers.length} host={host} />
            <h2 class="sr-only">{t('popupProvidersHeading')}</h2>
            <ul class="cards" data-testid="provider-cards">
              {model.page.providers.map((a) => (
                <li key={cardKey(a)}>
                  <ProviderCard assessment={a} lang={lang} today={today} found={model.found.get(a.provider.id)} custom={customIds.has(a.provider.id)} managed={custom.managedIds.has(a.provider.id)} idPrefix={`card-${a.provider.id}`} expanded={roomy} alternatives={alternativesFor(a.provider, providers, today)} />
                </li>
              ))}
            </ul>
          </>
        )}
        {view ? <ResourcesSection resources={view.resources ?? []} byId={byId} /> : null}
        <HostingHint enabled={hostingEnabled} />
        {custom.error ? (
          <p class="error" role="alert">
            {t('optionsStoredError', [custom.error])}
          </p>
        ) : null}
        <Lookup providers={providers} customIds={customIds} managedIds={custom.managedIds} lang={lang} today={today} initialQuery={lookupText} />
      </main>
      <footer class="hint popup-footer" data-testid="dataset-version">
        {t('popupDatasetVersion', [bundledDataset().version, browser.runtime.getManifest().version])}
      </footer>
    </>
  );
}

const lang = displayLanguage();
document.documentElement.lang = lang;
document.title = t('popupTitle');
if (tabIdFromSearch(location.search) !== null) document.documentElement.classList.add('in-tab');
render(<App />, document.getElementById('app')!);
