// Headless Debian Chromium with the built extension loaded, for the audit
// command and `npm start` without a display. Chromium's own output (dbus,
// Vulkan, GPU warnings) stays with Playwright and never reaches the terminal.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface AuditBrowser {
  ctx: BrowserContext;
  extensionId: string;
  extensionVersion: string;
  /** An extension page, to talk to the background as the popup does. */
  bridge: Page;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dist: string;
  executablePath: string;
  /** Extra Chromium switches (tests map host names to the local server). */
  args?: string[];
}

export async function launchAuditBrowser(opts: LaunchOptions): Promise<AuditBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'sovereignty-lens-audit-'));
  // Ctrl+C: Playwright closes Chromium and exits; the profile goes too.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfile);
  let ctx: BrowserContext | undefined;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: opts.executablePath,
      headless: false,
      // Pages from anywhere are opened: keep Chromium's sandbox, except as root where it cannot start.
      chromiumSandbox: process.getuid?.() !== 0,
      args: [
        '--headless=new',
        `--disable-extensions-except=${opts.dist}`,
        `--load-extension=${opts.dist}`,
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--mute-audio',
        ...(opts.args ?? []),
      ],
    });
    const worker = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const bridge = await ctx.newPage();
    // The popup's page for a tab that does not exist: an extension page that shows nothing.
    await bridge.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=0`);
    const extensionVersion = await bridge.evaluate(() => chrome.runtime.getManifest().version);
    const context = ctx;
    return {
      ctx: context,
      extensionId,
      extensionVersion,
      bridge,
      async close() {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
        process.off('exit', removeProfile);
      },
    };
  } catch (e) {
    await ctx?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    process.off('exit', removeProfile);
    throw e;
  }
}
