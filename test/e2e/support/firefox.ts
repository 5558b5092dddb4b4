// Debian Firefox ESR with the Firefox build installed as a temporary add-on,
// driven by puppeteer-core over WebDriver BiDi (no downloaded browser).
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const DIST_FIREFOX = resolve(process.env.SL_DIST_FIREFOX ?? 'dist-firefox');
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'sovereignty-lens@sovereignty-lens.eu';
/** A fixed internal UUID so tests know the moz-extension:// origin. */
export const FIREFOX_UUID = '6d1c2f4e-9a57-4c1b-8d2e-3f0a5b7c9e11';

export interface FirefoxExtension {
  browser: Browser;
  base: string;
  /** An extension page, for evaluating `browser.*` calls. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Keep the browser off the network: no updates, no telemetry, no captive-portal checks.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  const base = `moz-extension://${FIREFOX_UUID}/`;
  return {
    browser,
    base,
    async extensionPage() {
      const page = await browser.newPage();
      // Extension pages may never report "load" to BiDi: navigate without awaiting, then wait for the DOM.
      void page.goto(`${base}src/popup/index.html`).catch(() => undefined);
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        try {
          if (await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading')) return page;
        } catch {
          /* navigation still under way */
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the extension page did not open');
    },
    close: () => browser.close(),
  };
}
