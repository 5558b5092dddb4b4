// The popup and the options page in a real browser, through the contract:
// provider cards and their attributes (values computed from the bundled
// dataset), the lookup, custom providers (add, edit, delete, detected on a
// page and counted on the badge), export and import (and broken imports that
// change nothing), the French UI and keyboard-only use.
//
// SL_SCREENSHOTS=<dir> also saves screenshots of the popup (en and fr).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { Provider } from '../../src/data/schema';
import { badgeText, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';
import { fixtureProvider } from '../support/fixture-providers';
import { RULES } from '../../src/data/rules';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

// ---------------------------------------------------------------- the data
const DATASET = readJson<{ providers: Provider[] }>('src/data/providers.json').providers;
const bundled = (id: string): Provider => {
  const p = DATASET.find((x) => x.id === id);
  assert.ok(p, `bundled provider ${id}`);
  return p;
};
const TODAY = new Date().toISOString().slice(0, 10);

/** `data-hds` as the contract defines it: a certificate past its end date counts as absent. */
function expectedHds(p: Provider): string {
  return p.hds.status === 'certified' && p.hds.validUntil !== null && p.hds.validUntil < TODAY ? 'not-certified' : p.hds.status;
}

/** `data-secnumcloud`: qualified, unless every qualified service is dated and past its end date. */
function expectedSecNumCloud(p: Provider): string {
  const s = p.secnumcloud;
  if (s.status !== 'qualified') return s.status;
  const dated = s.services.filter((x) => x.validUntil !== null);
  const allExpired = dated.length > 0 && dated.length === s.services.length && dated.every((x) => x.validUntil! < TODAY);
  return allExpired ? 'not-qualified' : 'qualified';
}

/** Concern rank: high > medium > unknown > low. */
function rank(p: Provider): number {
  const c = p.cloudAct;
  if (c.status === 'exposed' || c.laws.includes('cn-nil-2017')) return 3;
  if (c.status === 'partial') return 2;
  if (c.status === 'unknown') return 1;
  return 0;
}

/** The claims that are not `unknown`, by their card hook, with their sources. */
function sourcedClaims(p: Provider): { kind: string; sources: Provider['cloudAct']['sources'] }[] {
  const j = p.jurisdiction;
  return [
    j.entity !== null || j.hq !== null || j.parent !== null || j.parentHq !== null ? { kind: 'jurisdiction', sources: j.sources } : null,
    p.cloudAct.status !== 'unknown' || p.cloudAct.laws.length > 0 ? { kind: 'cloud-act', sources: p.cloudAct.sources } : null,
    p.hds.status !== 'unknown' ? { kind: 'hds', sources: p.hds.sources } : null,
    p.secnumcloud.status !== 'unknown' ? { kind: 'secnumcloud', sources: p.secnumcloud.sources } : null,
  ].filter((x) => x !== null);
}

// ---------------------------------------------------------------- the UI strings
type Lang = 'en' | 'fr';
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const MESSAGES: Record<Lang, Messages> = { en: readJson('_locales/en/messages.json'), fr: readJson('_locales/fr/messages.json') };

/** A message as browser.i18n.getMessage gives it (named placeholders, then $1…$9). */
function msg(lang: Lang, key: string, subs: string[] = []): string {
  const entry = MESSAGES[lang][key];
  assert.ok(entry, `_locales/${lang} has ${key}`);
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole)
    .replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** The text of a message before its first substitution (for messages that end with a detail). */
const msgPrefix = (lang: Lang, key: string, subs: string[] = []) => msg(lang, key, [...subs, '\u0000', '\u0000', '\u0000']).split('\u0000')[0]!;

/** A calendar date as the UI shows it in `lang` (Intl, medium, UTC). */
const formatDate = (iso: string, lang: Lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

// ---------------------------------------------------------------- custom providers used by the tests
const text = (en: string, fr: string) => ({ en, fr });
const NOT_VERIFIED = text('Not verified yet.', 'Pas encore vérifié.');
const source = (url: string, title: string) => [{ url, title, verified: '2026-11-02', kind: 'provider-statement' as const }];

const ACME: Provider = fixtureProvider({
  id: 'acme-sovereign-cloud',
  name: 'Acme Sovereign Cloud',
  domains: ['acme-sovereign.example'],
  aliases: ['Acme Sovereign Cloud'],
  weakAliases: [],
  jurisdiction: { entity: 'Acme Inc.', hq: 'US', parent: null, parentHq: null, reason: text('US company.', 'Société américaine.'), sources: source('https://example.org/acme/annual-report', 'Acme annual report') },
  cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: text('US company: CLOUD Act.', 'Société américaine : CLOUD Act.'), sources: source('https://example.org/acme/10-k', 'Acme 10-K') },
  hds: { status: 'unknown', reason: NOT_VERIFIED },
  secnumcloud: { status: 'unknown', reason: NOT_VERIFIED },
});

const ZENITH: Provider = fixtureProvider({
  id: 'zenith-health-cloud',
  name: 'Zenith Health Cloud',
  categories: ['health', 'iaas'],
  domains: ['zenith-health.example'],
  aliases: ['Zenith Health Cloud', 'ZenithHC'],
  weakAliases: [{ term: 'Zenith', context: ['hébergeur', 'hosting'] }],
  jurisdiction: { entity: 'Zenith SAS', hq: 'FR', parent: 'Zenith Holding', parentHq: 'BE', reason: text('French company, Belgian parent.', 'Société française, maison mère belge.'), sources: source('https://example.org/zenith/legal', 'Zenith legal notice') },
  cloudAct: { status: 'not-exposed', laws: [], reason: text('No non-EU control.', 'Aucun contrôle extra-européen.'), sources: source('https://example.org/zenith/capital', 'Zenith capital') },
  hds: {
    status: 'certified',
    activities: [1, 2, 5],
    certificateId: 'ZH-42',
    certifier: 'AFNOR Certification',
    referential: '2024',
    validUntil: '2029-01-31',
    reason: text('HDS certified.', 'Certifié HDS.'),
    sources: source('https://example.org/zenith/hds', 'Zenith HDS certificate'),
  },
  secnumcloud: {
    status: 'qualified',
    services: [{ name: 'Zenith IaaS', qualifiedOn: '2025-03-01', validUntil: '2028-03-01' }],
    reason: text('Qualified.', 'Qualifié.'),
    sources: source('https://example.org/zenith/snc', 'ANSSI list'),
  },
});

// ---------------------------------------------------------------- helpers
const html = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

async function storedCustom(ext: ExtensionBrowser): Promise<unknown[]> {
  const sw = await ext.worker();
  return sw.evaluate(async () => ((await chrome.storage.local.get('customProviders')).customProviders ?? []) as unknown[]);
}

async function setStoredCustom(ext: ExtensionBrowser, list: Provider[] | null): Promise<void> {
  const sw = await ext.worker();
  await sw.evaluate(async (l) => (l === null ? chrome.storage.local.remove('customProviders') : chrome.storage.local.set({ customProviders: l })), list);
}

/** Opens a local page and waits until the badge shows `expected` providers. */
async function openCounted(ext: ExtensionBrowser, server: TestServer, path: string, body: string, expected: string) {
  const url = server.page(path, html(body));
  const page = await ext.ctx.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  await until(async () => (await badgeText(ext, tabId)) === expected, `badge "${expected}" on ${path}`, 4000);
  return { page, tabId, url };
}

/** The popup for a tab (`?tab=`), at the popup's width, once `count` page cards are shown. */
async function openPopupFor(ext: ExtensionBrowser, tabId: number, count: number): Promise<Page> {
  const popup = await ext.ctx.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  await until(async () => (await pageCards(popup).count()) === count, `${count} provider cards in the popup`, 5000);
  return popup;
}

const pageCards = (popup: Page) => popup.locator('[data-testid="provider-cards"] [data-provider-id]');
const lookupCard = (popup: Page) => popup.locator('[data-lookup-result] [data-provider-id]');

async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.ctx.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
  await page.locator('[data-testid="add-provider"]').waitFor();
  return page;
}

/** The contract attributes of a card. */
async function attrs(card: Locator) {
  return card.evaluate((el) => ({
    id: el.getAttribute('data-provider-id'),
    cloudAct: el.getAttribute('data-cloud-act'),
    hds: el.getAttribute('data-hds'),
    secnumcloud: el.getAttribute('data-secnumcloud'),
  }));
}

function expectedAttrs(p: Provider) {
  return { id: p.id, cloudAct: p.cloudAct.status, hds: expectedHds(p), secnumcloud: expectedSecNumCloud(p) };
}

/** Opens a card's "Sources and details" (a native <details>) if it is closed. */
async function openDetails(card: Locator) {
  const details = card.locator('details').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').first().click();
  await until(() => details.evaluate((d) => (d as HTMLDetailsElement).open), 'details open');
}

/** Each sourced claim shows at least one visible https link from the dataset and its verified date in `lang`. */
async function assertSourcesShown(card: Locator, p: Provider, lang: Lang) {
  await openDetails(card);
  const claims = sourcedClaims(p);
  assert.ok(claims.length > 0, `${p.id} has sourced claims`);
  for (const { kind, sources } of claims) {
    const claim = card.locator(`[data-claim="${kind}"]`);
    const links = claim.locator('a[href^="https://"]');
    assert.ok((await links.count()) >= 1, `${p.id} ${kind}: at least one https source link`);
    assert.ok(await links.first().isVisible(), `${p.id} ${kind}: the source link is visible`);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // The claim's sources, and for an inferred claim the official text of its rule.
    const known = new Set([...sources, ...Object.values(RULES).flatMap((r) => r.sources)].map((s) => new URL(s.url).href));
    for (const href of hrefs) assert.ok(known.has(href), `${p.id} ${kind}: ${href} is one of its sources`);
    const dates = await claim.locator('time').evaluateAll((ts) => ts.map((t) => ({ iso: t.getAttribute('datetime'), text: (t as HTMLElement).innerText.trim() })));
    for (const s of sources) {
      const shown = dates.find((d) => d.iso === s.verified && d.text === msg(lang, 'sourceVerified', [formatDate(s.verified, lang)]));
      assert.ok(shown, `${p.id} ${kind}: verified date ${s.verified} shown as "${msg(lang, 'sourceVerified', [formatDate(s.verified, lang)])}" (saw ${JSON.stringify(dates)})`);
    }
  }
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Waits for an import's problems and returns them, one per line. */
async function importProblems(options: Page): Promise<string[]> {
  const region = options.locator('[data-testid="import-errors"]');
  await until(async () => (await region.locator('li').count()) > 0, 'import problems listed');
  return region.locator('li').allInnerTexts();
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.SL_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage: true });
}

const THREE = '<h1>Où héberger nos données ?</h1><p>Our patient records moved from Microsoft Azure to OVHcloud; analytics now run on S3NS.</p>';

// ================================================================= English
describe('popup and options (Chromium, English)', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  before(async () => {
    server = await startServer();
    ext = await launchWithExtension();
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });
  beforeEach(async () => setStoredCustom(ext, null));
  afterEach(async () => {
    for (const page of ext.ctx.pages()) await page.close();
  });

  it('shows one card per provider named on the page, with the contract attributes from the dataset, worst first', async () => {
    const { tabId } = await openCounted(ext, server, '/three.html', THREE, '3');
    const popup = await openPopupFor(ext, tabId, 3);
    const expected = ['microsoft-azure', 'ovhcloud', 's3ns'].map(bundled);

    const cards = pageCards(popup);
    const shown = await Promise.all((await cards.all()).map(attrs));
    assert.deepEqual(
      [...shown].sort((a, b) => a.id!.localeCompare(b.id!)),
      expected.map(expectedAttrs),
      'one card per provider, with data-provider-id, data-cloud-act, data-hds and data-secnumcloud from providers.json',
    );
    // The values this page was chosen for.
    assert.deepEqual(
      shown.map((s) => [s.id, s.cloudAct]),
      [
        ['microsoft-azure', 'exposed'],
        ['s3ns', 'partial'],
        ['ovhcloud', 'not-exposed'],
      ],
    );
    // Worst first (high > medium > unknown > low).
    const ranks = shown.map((s) => rank(bundled(s.id!)));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a), 'cards sorted worst first');
    assert.equal(await popup.locator('[data-testid="page-verdict"]').getAttribute('data-level'), 'high');
    await screenshot(popup, 'popup-three-en.png');

    for (const p of expected) {
      const card = popup.locator(`[data-testid="provider-cards"] [data-provider-id="${p.id}"]`);
      assert.equal((await card.locator('h3').innerText()).trim(), p.name);
      // Compact until asked: a page card stays short in a 380 px popup.
      const { height } = (await card.boundingBox())!;
      assert.ok(height < 320, `${p.id}: collapsed card is compact (${Math.round(height)} px)`);
      assert.equal(await card.locator('details').evaluate((d) => (d as HTMLDetailsElement).open), false, `${p.id}: details start closed`);
      await assertSourcesShown(card, p, 'en');
    }
    await screenshot(popup, 'popup-three-en-expanded.png');
  });

  it('looks up providers that the page did not name, accent- and case-insensitively, with the keyboard', async () => {
    const { tabId } = await openCounted(ext, server, '/azure-only.html', '<p>Hosted on Microsoft Azure.</p>', '1');
    const popup = await openPopupFor(ext, tabId, 1);
    const input = popup.locator('[data-testid="lookup-input"]');

    for (const [query, id] of [
      ['clever', 'clever-cloud'],
      ['SCALÉWAY', 'scaleway'],
      ['s3ns', 's3ns'],
    ] as const) {
      await input.fill('');
      await input.focus();
      await popup.keyboard.type(query);
      await until(async () => (await input.getAttribute('aria-expanded')) === 'true', `options listed for "${query}"`);
      await popup.keyboard.press('ArrowDown');
      const active = await input.getAttribute('aria-activedescendant');
      assert.ok(active, 'ArrowDown makes an option active');
      assert.equal(await popup.locator(`#${active}`).getAttribute('data-option-id'), id, `first option for "${query}"`);
      await popup.keyboard.press('Enter');
      await until(async () => (await lookupCard(popup).getAttribute('data-provider-id')) === id, `lookup card ${id}`);
      const p = bundled(id);
      assert.deepEqual(await attrs(lookupCard(popup)), expectedAttrs(p));
      assert.equal(await input.inputValue(), p.name);
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      // Not on the page: the page still lists only Azure.
      assert.deepEqual(await pageCards(popup).evaluateAll((cs) => cs.map((c) => c.getAttribute('data-provider-id'))), ['microsoft-azure']);
    }
    // A lookup result opens with its sources shown.
    assert.equal(await lookupCard(popup).locator('details').evaluate((d) => (d as HTMLDetailsElement).open), true);
    await assertSourcesShown(lookupCard(popup), bundled('s3ns'), 'en');

    await input.fill('zzzz-no-such-cloud');
    await popup.locator('[data-testid="lookup-none"]').waitFor();
    assert.equal(await popup.locator('[data-testid="lookup-none"]').innerText(), msg('en', 'lookupNone', ['zzzz-no-such-cloud']));
  });

  it('adds a custom provider in the options page, detects and counts it on a page, edits it, and deletes it', async () => {
    const options = await openOptions(ext);
    await options.locator('[data-testid="add-provider"]').click();
    const form = options.locator('[data-testid="provider-form"]');
    const field = (name: string) => form.locator(`[data-field="${name}"]`);
    await field('id').fill(ACME.id);
    await field('name').fill(ACME.name);
    await field('aliases').fill(ACME.aliases.join('\n'));
    await field('jurisdiction.entity').fill(ACME.jurisdiction.entity!);
    await field('jurisdiction.hq').fill(ACME.jurisdiction.hq!);
    await field('jurisdiction.sources').fill('https://example.org/acme/annual-report | Acme annual report | 2026-11-02 | provider-statement');
    await field('cloudAct.status').selectOption('exposed');
    await form.locator('[data-field="cloudAct.laws"] input[data-value="us-cloud-act"]').check();
    await field('cloudAct.reason.en').fill(ACME.cloudAct.reason.en);
    await field('cloudAct.reason.fr').fill(ACME.cloudAct.reason.fr);
    await field('cloudAct.sources').fill('https://example.org/acme/10-k | Acme 10-K | 2026-11-02 | provider-statement');
    await options.locator('[data-testid="provider-save"]').click();
    await options.locator(`[data-custom-provider-id="${ACME.id}"]`).waitFor();
    const stored = (await storedCustom(ext)) as Provider[];
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.id, ACME.id);
    assert.equal(stored[0]!.cloudAct.status, 'exposed');
    assert.deepEqual(stored[0]!.cloudAct.sources, ACME.cloudAct.sources);

    // Detected like a bundled provider: counted on the badge and shown in the popup.
    const { page, tabId } = await openCounted(ext, server, '/acme.html', '<p>Our CRM moved to Acme Sovereign Cloud, backups stay at OVHcloud.</p>', '2');
    const popup = await openPopupFor(ext, tabId, 2);
    const card = popup.locator(`[data-testid="provider-cards"] [data-provider-id="${ACME.id}"]`);
    assert.deepEqual(await attrs(card), { id: ACME.id, cloudAct: 'exposed', hds: 'unknown', secnumcloud: 'unknown' });
    assert.match(await card.innerText(), new RegExp(msg('en', 'cardCustom')));
    assert.equal(await pageCards(popup).first().getAttribute('data-provider-id'), ACME.id, 'exposed custom provider sorts before OVHcloud');
    await assertSourcesShown(card, ACME, 'en');

    // Edit: the open popup follows the stored change.
    await options.bringToFront();
    await options.locator(`[data-custom-provider-id="${ACME.id}"] [data-testid="edit-provider"]`).click();
    await field('name').fill('Acme Sovereign Cloud EU');
    await field('cloudAct.status').selectOption('partial');
    await options.locator('[data-testid="provider-save"]').click();
    await until(async () => ((await storedCustom(ext)) as Provider[])[0]?.cloudAct.status === 'partial', 'edited provider stored');
    assert.equal(((await storedCustom(ext)) as Provider[])[0]!.name, 'Acme Sovereign Cloud EU');
    await until(async () => (await card.getAttribute('data-cloud-act')) === 'partial', 'popup shows the edited status');
    assert.equal((await card.locator('h3').innerText()).trim(), 'Acme Sovereign Cloud EU');

    // Delete, confirmed: gone from storage, and the page no longer counts it after a reload.
    await options.bringToFront();
    await options.locator(`[data-custom-provider-id="${ACME.id}"] [data-testid="delete-provider"]`).click();
    await options.locator('[data-testid="confirm-delete"]').click();
    await options.locator('[data-testid="no-custom-providers"]').waitFor();
    assert.deepEqual(await storedCustom(ext), []);
    await page.reload();
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge back to 1 after deleting the custom provider', 4000);
    const after = await openPopupFor(ext, tabId, 1);
    assert.equal(await after.locator(`[data-provider-id="${ACME.id}"]`).count(), 0);
  });

  it('exports custom providers to one JSON file, and importing it back after clearing gives the same providers', async () => {
    await setStoredCustom(ext, [ACME, ZENITH]);
    const options = await openOptions(ext);
    await until(async () => (await options.locator('[data-custom-provider-id]').count()) === 2, 'two custom providers listed');
    const stored = await storedCustom(ext);

    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-testid="export-button"]').click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; providers: unknown[] };
    assert.deepEqual(Object.keys(exported).sort(), ['format', 'providers', 'version']);
    assert.equal(exported.format, 'sovereignty-lens/providers');
    assert.equal(exported.version, 1);
    assert.deepEqual(exported.providers, stored);
    assert.match(download.suggestedFilename(), /\.json$/);

    // Clear them in the UI (each deletion confirmed).
    for (const id of [ACME.id, ZENITH.id]) {
      await options.locator(`[data-custom-provider-id="${id}"] [data-testid="delete-provider"]`).click();
      await options.locator('[data-testid="confirm-delete"]').click();
      await until(async () => (await options.locator(`[data-custom-provider-id="${id}"]`).count()) === 0, `${id} deleted`);
    }
    assert.deepEqual(await storedCustom(ext), []);

    // Import the file back: a preview first, then the same providers.
    await options.locator('[data-testid="import-input"]').setInputFiles(file);
    const preview = options.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    assert.equal(await preview.locator('[data-testid="import-added"]').getAttribute('data-count'), '2');
    assert.deepEqual(await storedCustom(ext), [], 'nothing is written before the preview is applied');
    await preview.locator('[data-testid="import-apply"]').click();
    await until(async () => (await storedCustom(ext)).length === 2, 'imported providers stored');
    assert.deepEqual(await storedCustom(ext), exported.providers);
    await until(async () => (await options.locator('[data-custom-provider-id]').count()) === 2, 'imported providers listed');
  });

  it('refuses a broken import file, saying which entry and which field, and changes nothing', async () => {
    await setStoredCustom(ext, [ACME]);
    const options = await openOptions(ext);
    await options.locator(`[data-custom-provider-id="${ACME.id}"]`).waitFor();
    const before = await storedCustom(ext);
    const input = options.locator('[data-testid="import-input"]');

    // Malformed JSON.
    await input.setInputFiles({ name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "sovereignty-lens/providers", "version": 1, "providers": [{"id": "x",') });
    let problems = await importProblems(options);
    assert.ok(problems[0]!.startsWith(msgPrefix('en', 'importJson')), `a JSON problem (saw ${JSON.stringify(problems)})`);
    assert.match(await options.locator('[data-testid="import-errors"]').innerText(), new RegExp(msg('en', 'importFailed').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await options.locator('[data-testid="import-preview"]').count(), 0);
    assert.deepEqual(await storedCustom(ext), before);

    // Valid JSON whose entry 2 has an impossible status.
    const bad = { format: 'sovereignty-lens/providers', version: 1, providers: [ACME, { ...ZENITH, cloudAct: { ...ZENITH.cloudAct, status: 'maybe' } }] };
    await input.setInputFiles({ name: 'bad-status.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await until(async () => !(await importProblems(options))[0]!.startsWith(msgPrefix('en', 'importJson')), 'the new problems replace the old ones');
    problems = await importProblems(options);
    const prefix = msgPrefix('en', 'importEntryField', ['2', ZENITH.id, 'cloudAct.status']);
    assert.ok(
      problems.some((p) => p.startsWith(prefix)),
      `a problem starting "${prefix}" (saw ${JSON.stringify(problems)})`,
    );
    assert.equal(await options.locator('[data-testid="import-preview"]').count(), 0);
    assert.deepEqual(await storedCustom(ext), before, 'storage unchanged');
    assert.deepEqual(await options.locator('[data-custom-provider-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-custom-provider-id'))), [ACME.id]);
  });

  it('adds a provider with the keyboard only in the options page', async () => {
    const options = await openOptions(ext);
    await tabTo(options, '[data-testid="add-provider"]');
    await options.keyboard.press('Enter');
    await options.locator('[data-testid="provider-form"]').waitFor();
    const type = async (selector: string, value: string) => {
      await tabTo(options, selector);
      await options.keyboard.type(value);
    };
    await type('[data-field="id"]', ACME.id);
    await type('[data-field="name"]', ACME.name);
    await type('[data-field="aliases"]', ACME.aliases[0]!);
    // The status select: type-ahead on its label.
    await type('[data-field="cloudAct.status"]', msg('en', 'cloudActExposed'));
    assert.equal(await options.locator('[data-field="cloudAct.status"]').inputValue(), 'exposed');
    await tabTo(options, '[data-field="cloudAct.laws"] input[data-value="us-cloud-act"]');
    await options.keyboard.press('Space');
    await type('[data-field="cloudAct.sources"]', 'https://example.org/acme/10-k | Acme 10-K | 2026-11-02 | provider-statement');
    await tabTo(options, '[data-testid="provider-save"]');
    await options.keyboard.press('Enter');
    await options.locator(`[data-custom-provider-id="${ACME.id}"]`).waitFor();
    const stored = (await storedCustom(ext)) as Provider[];
    assert.deepEqual(
      stored.map((p) => [p.id, p.name, p.aliases, p.cloudAct.status, p.cloudAct.laws, p.cloudAct.sources]),
      [[ACME.id, ACME.name, ACME.aliases, 'exposed', ['us-cloud-act'], ACME.cloudAct.sources]],
    );
    await until(() => focusedMatches(options, '[data-testid="add-provider"]'), 'focus back on "Add a provider" after saving');
  });

  it('operates the popup with the keyboard: card details and the lookup', async () => {
    const { tabId } = await openCounted(ext, server, '/ovh.html', '<p>Backups are stored at OVHcloud.</p>', '1');
    const popup = await openPopupFor(ext, tabId, 1);
    const card = pageCards(popup).first();
    const details = card.locator('details');

    await tabTo(popup, '[data-testid="provider-cards"] [data-provider-id="ovhcloud"] summary');
    await popup.keyboard.press('Enter');
    await until(() => details.evaluate((d) => (d as HTMLDetailsElement).open), 'details opened with Enter');
    assert.ok(await card.locator('[data-claim="cloud-act"] a[href^="https://"]').first().isVisible());
    await popup.keyboard.press('Space');
    await until(async () => !(await details.evaluate((d) => (d as HTMLDetailsElement).open)), 'details closed with Space');

    const input = popup.locator('[data-testid="lookup-input"]');
    await tabTo(popup, '[data-testid="lookup-input"]');
    await popup.keyboard.type('clever');
    await popup.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    assert.ok(active);
    assert.equal(await popup.locator(`#${active}`).getAttribute('data-option-id'), 'clever-cloud');
    await popup.keyboard.press('Enter');
    await until(async () => (await lookupCard(popup).getAttribute('data-provider-id')) === 'clever-cloud', 'lookup card by keyboard');
    assert.deepEqual(await attrs(lookupCard(popup)), expectedAttrs(bundled('clever-cloud')));
    // Esc clears the lookup (the list is already closed).
    await popup.keyboard.press('Escape');
    await until(async () => (await lookupCard(popup).count()) === 0, 'Esc clears the lookup');
    assert.equal(await input.inputValue(), '');
    assert.ok(await focusedMatches(popup, '[data-testid="lookup-input"]'), 'focus stays in the lookup');
  });
});

// ================================================================= French
describe('popup and options (Chromium, French UI)', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  before(async () => {
    server = await startServer();
    ext = await launchWithExtension({ lang: 'fr' });
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows the popup in French, with dates formatted in French', async () => {
    const { tabId } = await openCounted(ext, server, '/trois.html', THREE, '3');
    const popup = await openPopupFor(ext, tabId, 3);
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal((await popup.locator('h1').innerText()).trim(), msg('fr', 'popupTitle'));
    assert.equal((await popup.locator('[data-testid="page-verdict"] h2').innerText()).trim(), msg('fr', 'verdictLabel', [msg('fr', 'levelHigh')]));
    assert.equal((await popup.locator('[data-testid="pop-out"]').innerText()).trim(), msg('fr', 'popupPopOut'));
    assert.equal((await popup.locator('#lookup-heading').innerText()).trim(), msg('fr', 'lookupHeading'));

    const azure = popup.locator('[data-testid="provider-cards"] [data-provider-id="microsoft-azure"]');
    assert.equal((await azure.locator('.level-pill').innerText()).trim(), msg('fr', 'levelHigh'));
    assert.equal((await azure.locator('summary').innerText()).trim(), msg('fr', 'cardDetails'));
    const ovh = popup.locator('[data-testid="provider-cards"] [data-provider-id="ovhcloud"]');
    assert.equal((await ovh.locator('[data-summary="cloud-act"] .summary-text').innerText()).trim(), msg('fr', 'cloudActNotExposed'));
    assert.equal((await ovh.locator('[data-fact="entity"]').innerText()).trim(), msg('fr', 'jurisdictionEntity', [bundled('ovhcloud').jurisdiction.entity ?? 'OVHcloud', `${new Intl.DisplayNames(['fr'], { type: 'region' }).of(bundled('ovhcloud').jurisdiction.hq!)} (${bundled('ovhcloud').jurisdiction.hq})`]));
    // The reason in French, from the dataset.
    assert.equal((await ovh.locator('.card-reason').innerText()).trim(), bundled('ovhcloud').cloudAct.reason.fr);
    await screenshot(popup, 'popup-three-fr.png');
    // Sources with their verified dates in French.
    for (const id of ['microsoft-azure', 'ovhcloud', 's3ns']) {
      await assertSourcesShown(popup.locator(`[data-testid="provider-cards"] [data-provider-id="${id}"]`), bundled(id), 'fr');
    }

    // A lookup result with an HDS end date, formatted in French.
    const clever = bundled('clever-cloud');
    assert.ok(clever.hds.validUntil, 'clever-cloud has an HDS end date in the dataset');
    await popup.locator('[data-testid="lookup-input"]').focus();
    await popup.keyboard.type('clever');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await until(async () => (await lookupCard(popup).getAttribute('data-provider-id')) === 'clever-cloud', 'lookup card');
    assert.equal((await lookupCard(popup).locator('[data-summary="hds"] .summary-note').innerText()).trim(), msg('fr', 'summaryUntil', [formatDate(clever.hds.validUntil!, 'fr')]));
    assert.equal(
      (await lookupCard(popup).locator('[data-claim="hds"] [data-validity]').innerText()).trim(),
      msg('fr', 'validUntil', [formatDate(clever.hds.validUntil!, 'fr')]),
    );
    await screenshot(popup, 'popup-lookup-fr.png');
  });

  it('shows the options page in French, including import problems', async () => {
    const options = await openOptions(ext);
    assert.equal(await options.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal((await options.locator('h1').innerText()).trim(), msg('fr', 'optionsTitle'));
    assert.equal((await options.locator('[data-testid="add-provider"]').innerText()).trim(), msg('fr', 'optionsAddProvider'));
    assert.equal((await options.locator('[data-testid="export-button"]').innerText()).trim(), msg('fr', 'exportButton'));
    assert.equal((await options.locator('label[for="import-input"]').innerText()).trim(), msg('fr', 'importLabel'));
    await options.locator('[data-testid="add-provider"]').click();
    assert.equal((await options.locator('label[for="pf-name"]').innerText()).trim(), msg('fr', 'fieldName'));
    assert.equal((await options.locator('[data-testid="provider-save"]').innerText()).trim(), msg('fr', 'formSave'));

    await options.locator('[data-testid="import-input"]').setInputFiles({ name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{ pas du json') });
    const problems = await importProblems(options);
    assert.ok(problems[0]!.startsWith(msgPrefix('fr', 'importJson')), `a French JSON problem (saw ${JSON.stringify(problems)})`);
    assert.ok((await options.locator('[data-testid="import-errors"]').innerText()).includes(msg('fr', 'importFailed')));
  });
});
