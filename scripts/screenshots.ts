// `npx tsx scripts/screenshots.ts [outDir] [lang]`: what a person sees — the
// demo page with the notice, the popup for that tab, and the options page.
import { readFileSync } from 'node:fs';
import { launchWithExtension, tabIdOf, until, badgeText } from '../test/e2e/support/chromium';
import { startServer } from '../test/e2e/support/server';

const out = process.argv[2] ?? '/tmp/sl-shots';
const lang = process.argv[3] ?? 'en';
const server = await startServer();
const ext = await launchWithExtension({ lang });
try {
  const url = server.page('/demo.html', readFileSync('demo/index.html', 'utf8'));
  const page = await ext.ctx.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  await until(async () => Number(await badgeText(ext, tabId)) >= 5, 'badge on the demo page', 6000);
  await page.waitForSelector('[data-sovereignty-lens="warning"]', { state: 'attached' });
  await page.screenshot({ path: `${out}/page-${lang}.png` });
  const popup = await ext.ctx.newPage();
  await popup.setViewportSize({ width: 400, height: 1400 });
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-provider-id]');
  await popup.screenshot({ path: `${out}/popup-${lang}.png`, fullPage: false });
  const options = await ext.ctx.newPage();
  await options.setViewportSize({ width: 1100, height: 1400 });
  await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
  await options.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 500));
  await options.screenshot({ path: `${out}/options-${lang}.png` });
  console.log(`screenshots in ${out}`);
} finally {
  await ext.close();
  await server.close();
}
