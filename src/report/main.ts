// The report page (`src/report/index.html?tab=<id>`): the cited report of a
// tab, ready to print to PDF, with a Markdown download. Everything in it is
// escaped text built by cited-report.ts; it holds no script of the page.
import browser from 'webextension-polyfill';
import { assessPage, todayIso } from '../core/assess';
import { bundledDataset, mergeProviders } from '../data/load';
import { storage } from '../shared/browser-storage';
import { t, uiLanguage } from '../shared/i18n';
import { send } from '../shared/messages';
import { tabIdFromSearch } from '../popup/model';
import { buildReport } from './cited-report';

const root = document.getElementById('report')!;

function fail(message: string): void {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
}

async function main(): Promise<void> {
  const lang = uiLanguage();
  document.documentElement.lang = lang;
  document.title = t('reportTitle');
  const print = document.getElementById('print')!;
  const download = document.getElementById('markdown')!;
  print.textContent = t('reportPrint');
  download.textContent = t('reportDownloadMarkdown');

  const tabId = tabIdFromSearch(location.search);
  const view = tabId === null ? null : await send('tab/get-state', { tabId });
  if (!view) return fail(t('reportNoPage'));
  const providers = mergeProviders(bundledDataset().providers, (await storage.readActiveCustomProviders()).value);
  const byId = new Map(providers.map((p) => [p.id, p]));
  const found = new Map(view.providers.filter((p) => byId.has(p.id)).map((p) => [p.id, p]));
  const report = buildReport({
    url: view.url,
    generatedAt: new Date().toISOString(),
    extensionVersion: browser.runtime.getManifest().version,
    datasetVersion: bundledDataset().version,
    lang,
    providers: assessPage([...found.keys()].map((id) => byId.get(id)!), todayIso()).providers,
    found,
    resources: view.resources.filter((r) => byId.has(r.id)),
    resourceNames: new Map([...byId].map(([id, p]) => [id, p.name])),
    t,
  });
  // The HTML is built from escaped text only; parse its body inertly (the page
  // has its own stylesheet: the standalone file's <style> would only trip the
  // page's CSP, default-src 'self').
  const doc = new DOMParser().parseFromString(report.html.slice(Math.max(0, report.html.indexOf('<body>'))), 'text/html');
  root.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  print.addEventListener('click', () => window.print());
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([report.markdown], { type: 'text/markdown' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${report.filename}.md` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
