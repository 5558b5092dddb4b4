// Managed deployment through a real enterprise policy: Chromium on Linux reads
// /etc/chromium/policies/managed/*.json, whose "3rdparty" part goes to the
// extension's storage.managed (checked against managed-schema.json). The test
// writes a policy for the unpacked extension's id, checks that the managed
// provider is detected and labelled, that the options page shows it and the
// locked setting read-only, and that removing the policy gives the user's own
// values back. Skipped (with the reason) where /etc/chromium is not writable.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { badgeText, DIST, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `sovereignty-lens-e2e-${process.pid}.json`);

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 16 bytes, digits mapped to a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const source = [{ url: 'https://example.org/registry/zorblax', title: 'Company registry entry', verified: '2026-11-01' }];
const ORG_PROVIDER = {
  id: 'zorblax-cloud',
  name: 'Zorblax Cloud',
  aliases: ['Zorblax Cloud'],
  domains: ['zorblax.example'],
  jurisdiction: { hq: 'US', reason: { en: 'US company.', fr: 'Société américaine.' }, sources: source },
  cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: { en: 'US parent.', fr: 'Maison mère américaine.' }, sources: source },
  hds: { status: 'unknown', reason: { en: 'Not known.', fr: 'Inconnu.' } },
  secnumcloud: { status: 'unknown', reason: { en: 'Not known.', fr: 'Inconnu.' } },
};

function writePolicy(id: string, policy: unknown): void {
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
}

let writable = true;
try {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, '{}');
} catch (e) {
  writable = false;
  console.log(`# managed policy tests skipped: ${POLICY_DIR} is not writable (${e instanceof Error ? e.message : String(e)})`);
}

describe('managed deployment (enterprise policy)', { skip: !writable && `${POLICY_DIR} is not writable` }, () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  const id = unpackedId(DIST);

  before(async () => {
    writePolicy(id, { providers: [ORG_PROVIDER], countResources: true, silencedSites: ['quiet.example'] });
    server = await startServer();
    ext = await launchWithExtension();
  });

  after(async () => {
    rmSync(POLICY_FILE, { force: true });
    await ext?.close();
    await server?.close();
  });

  const mirror = async () => (await ext.worker()).evaluate(async () => (await chrome.storage.local.get('managedPolicy')).managedPolicy as { providers: { id: string }[] } | undefined);

  it('loads the unpacked extension under the id the policy names', () => {
    assert.equal(ext.extensionId, id);
  });

  it("detects the organisation's provider on a page and labels it in the popup", async () => {
    await until(async () => (await mirror())?.providers.length === 1, 'the policy mirrored into storage.local', 15_000);
    const url = server.page('/org.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Org</title></head><body><p>Our records now live on Zorblax Cloud.</p></body></html>');
    const page = await ext.ctx.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1 for the managed provider', 5000);
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    const card = popup.locator('[data-provider-id="zorblax-cloud"]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-cloud-act'), 'exposed');
    assert.equal(await card.locator('[data-managed]').count(), 1);
    await popup.close();
    await page.close();
  });

  it('shows managed providers and locked settings read-only in the options page', async () => {
    const options = await ext.ctx.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const row = options.locator('[data-managed-provider-id="zorblax-cloud"]');
    await row.waitFor();
    assert.equal(await row.locator('button').count(), 0, 'no edit or delete for a managed provider');
    const count = options.locator('input[data-setting="countResources"]');
    assert.equal(await count.isDisabled(), true);
    assert.equal(await count.isChecked(), true);
    assert.match((await options.locator('#managed-countResources').textContent()) ?? '', /organisation/);
    const site = options.locator('[data-silenced-site="quiet.example"]');
    assert.equal(await site.locator('[data-managed]').count(), 1);
    assert.equal(await site.locator('button').count(), 0);
    // The user's own settings stay editable.
    assert.equal(await options.locator('input[data-setting="highlight"]').isDisabled(), false);
    await options.close();
  });

  it('gives the user their own values back when the policy goes away', async () => {
    rmSync(POLICY_FILE, { force: true });
    // Chromium watches the policy folder; chrome://policy's reload makes it immediate.
    const policyPage = await ext.ctx.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.locator('#reload-policies').click().catch(() => undefined);
    await until(async () => (await mirror()) === undefined, 'the mirror removed with the policy', 20_000);
    const options = await ext.ctx.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('[data-testid="settings"]').waitFor();
    assert.equal(await options.locator('[data-managed-provider-id]').count(), 0);
    const count = options.locator('input[data-setting="countResources"]');
    assert.equal(await count.isDisabled(), false);
    assert.equal(await count.isChecked(), false, 'the user never turned it on');
    await options.close();
    await policyPage.close();
  });
});
