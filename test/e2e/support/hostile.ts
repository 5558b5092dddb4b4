// Helpers for hostile-page browser tests: a page heartbeat, main-world reads
// through CDP (page-side helpers may be sabotaged), tab state, custom
// providers, and a figure log for before/after comparisons.
import { appendFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export const WARNING = '[data-sovereignty-lens="warning"]';

export const html = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

/** The page's own heartbeat: a 16 ms interval recording the longest pause between ticks (reset with `__maxGap = 0`). */
export const TICKER = `<script>
  (() => {
    const now = performance.now.bind(performance);
    let last = now();
    window.__ticks = 0;
    window.__maxGap = 0;
    setInterval(() => { const t = now(); window.__maxGap = Math.max(window.__maxGap, t - last); last = t; window.__ticks++; }, 16);
  })();
</script>`;

/** Reads a value from the page's main world through CDP. */
export async function read<T>(cdp: CDPSession, expression: string): Promise<T> {
  const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`page evaluation failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

export interface TabFrames {
  url: string;
  frames: Record<string, { ids: string[]; snippets: Record<string, string[]>; resources?: Record<string, number>; claims?: string[] }>;
}

/** Every tab state whose URL starts with `prefix`. */
export async function statesOf(ext: ExtensionBrowser, prefix: string): Promise<[number, TabFrames][]> {
  const sw = await ext.worker();
  const all = (await sw.evaluate(() => chrome.storage.session.get(null))) as Record<string, TabFrames>;
  return Object.entries(all)
    .filter(([k, v]) => k.startsWith('tab:') && typeof v?.url === 'string' && v.url.startsWith(prefix))
    .map(([k, v]) => [Number(k.slice(4)), v]);
}

export const idsOf = (state: TabFrames | undefined) => [...new Set(Object.values(state?.frames ?? {}).flatMap((f) => f.ids))].sort();

/** A valid custom provider exposed to the CLOUD Act (for notice tests). */
export function exposedProvider(id: string, name: string, aliases = [name]) {
  const src = [{ url: `https://example.org/registry/${id}`, title: 'Company register', verified: '2026-11-01' }];
  const text = { en: 'US company.', fr: 'Société américaine.' };
  const unknown = { en: 'Not assessed.', fr: 'Non évalué.' };
  return {
    id,
    name,
    domains: [],
    aliases,
    weakAliases: [],
    jurisdiction: { entity: null, hq: 'US', parent: null, parentHq: null, reason: text, sources: src },
    cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: text, sources: src },
    hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: unknown, sources: [] },
    secnumcloud: { status: 'unknown', services: [], reason: unknown, sources: [] },
  };
}

/** Appends a measured figure to $SL_FIGURES (JSON lines), for before/after notes. Does nothing without it. */
export function figure(name: string, values: Record<string, unknown>): void {
  const file = process.env.SL_FIGURES;
  if (file) appendFileSync(file, JSON.stringify({ name, ...values }) + '\n');
}

/** Opens a page with a CDP session for main-world reads. */
export async function cdpPage(ext: ExtensionBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await ext.ctx.newPage();
  const cdp = await ext.ctx.newCDPSession(page);
  await cdp.send('Runtime.enable');
  return { page, cdp };
}

/**
 * Runs `during` under the CPU profiler of the page's renderer and returns the
 * longest stretch of consecutive samples spent in the extension's code (its
 * tasks, with the microtasks they run): what one extension task costs the page.
 * Sampling makes it a slight over-estimate.
 */
export async function longestExtensionRun(cdp: CDPSession, during: () => Promise<unknown>): Promise<number> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  let profile;
  try {
    await during();
  } finally {
    profile = (await cdp.send('Profiler.stop')).profile;
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let hit = ours.get(id);
    if (hit === undefined) {
      const n = byId.get(id)!;
      hit = /^(chrome|moz)-extension:/.test(n.callFrame.url) || (parent.has(id) && isOurs(parent.get(id)!));
      ours.set(id, hit);
    }
    return hit;
  };
  let run = 0;
  let longest = 0;
  profile.samples!.forEach((id, i) => {
    // A sample stands for at most 1 ms: a longer delta is time the renderer was descheduled (a loaded machine), not ours.
    const dt = Math.min(1, (profile.timeDeltas![i] ?? 0) / 1000);
    if (isOurs(id)) longest = Math.max(longest, (run += dt));
    // Garbage collection inside one of our tasks is part of its cost.
    else if (run > 0 && byId.get(id)!.callFrame.functionName === '(garbage collector)') longest = Math.max(longest, (run += dt));
    else run = 0;
  });
  return Math.round(longest);
}
