// Content script wiring (runs in every http(s) frame). One page scan at a
// time; a new SPA route aborts it and starts a fresh one. The build wraps all
// of it to start after the page's load event (build/content-script-plugin.ts).
import browser from 'webextension-polyfill';
import { onStoredChange } from '../shared/storage-events';
import { peekInPageSettings } from '../shared/storage-peek';
import { t } from '../shared/i18n';
import { createHighlighter } from './highlight';
import { CLAIM_ID, loadMatcher } from './match-data';
import { startPageScan, type Findings } from './page-scan';
import { watchResourceHosts } from './resource-hosts';
import { claimDocument } from './takeover';
import { createWarning } from './warning';
import { watchRoute } from './watch-url';
import { MAX_URL } from '../shared/report-clean';
import { onNotice, send } from './messaging';

const life = new AbortController();
const isTop = window === window.top;

/** An updated or removed extension leaves this script orphaned: stop quietly. */
function orphaned(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

function shutdown(): void {
  if (!life.signal.aborted) life.abort();
  warning?.remove();
}

const warning = isTop
  ? createWarning(document, {
      t,
      onDetails: () => void send('tab/open-details', {}).catch(shutdown),
      onSilenceSite: () => void send('settings/silence-site', {}).catch(shutdown),
      onUndoSilence: () => void send('settings/unsilence-site', {}).catch(shutdown),
    })
  : null;

/** Highlighting is on when the settings say so and the site is not silenced. */
async function wantsHighlight(): Promise<boolean> {
  const settings = await peekInPageSettings(browser.storage.local);
  return settings.highlight && !settings.silencedSites.includes(location.hostname.toLowerCase());
}

async function main(): Promise<void> {
  let matcher = await loadMatcher();
  const highlighter = createHighlighter(document);
  let highlight = highlighter !== null && (await wantsHighlight());
  if (highlight) highlighter?.prepare();
  let page = new AbortController();

  // Resource hosts belong to the document, not to a route: they accumulate.
  let resources: Record<string, number> = {};
  let findings: Findings | null = null;
  const send_ = () => {
    if (orphaned()) return shutdown();
    if (!findings) return; // the first report waits for the first scan
    const { [CLAIM_ID]: claims = [], ...snippets } = findings.snippets;
    send('tab/report', { url: location.href.slice(0, MAX_URL), ids: findings.ids.filter((id) => id !== CLAIM_ID), snippets, claims, resources }).catch(() => {
      if (orphaned()) shutdown();
    });
  };
  let resourceTimer: ReturnType<typeof setTimeout> | undefined;
  watchResourceHosts((hosts) => {
    resources = hosts;
    clearTimeout(resourceTimer);
    resourceTimer = setTimeout(send_, 500);
  }, life.signal);

  function startRoute() {
    findings = null;
    const report = (found: Findings) => {
      findings = found;
      send_();
    };
    return startPageScan(document, {
      matcher,
      signal: page.signal,
      report,
      onMentions: (segment, mentions) => {
        if (highlight) highlighter?.add(segment, mentions.filter((m) => m.id !== CLAIM_ID));
      },
      wantsMentions: () => highlight,
    });
  }

  let scan = startRoute();

  watchRoute(() => {
    if (orphaned()) return shutdown();
    page.abort();
    highlighter?.clear();
    page = new AbortController();
    life.signal.addEventListener('abort', () => page.abort(), { once: true });
    scan = startRoute();
  }, life.signal);
  life.signal.addEventListener('abort', () => page.abort(), { once: true });

  onStoredChange(async ({ custom }) => {
    const nextHighlight = highlighter !== null && (await wantsHighlight());
    if (!custom && nextHighlight === highlight) return;
    if (custom) matcher = await loadMatcher();
    highlight = nextHighlight;
    highlighter?.clear();
    // Let the browser's next frame take the restyle the highlight rule causes, before the scan checks visibility.
    if (highlight) await highlighter?.prepare();
    scan.rescan(matcher);
  }, life.signal, { matchables: true });
  life.signal.addEventListener('abort', () => highlighter?.clear(), { once: true });

  if (warning) {
    const remove = onNotice((notice) => warning.update(notice));
    life.signal.addEventListener('abort', remove, { once: true });
  }
}

if (!orphaned() && claimDocument({ stop: shutdown, orphaned })) {
  main().catch((error: unknown) => {
    // Never break the page: log once under our name and stop.
    console.debug('[Sovereignty Lens] stopped:', error);
    shutdown();
  });
}
