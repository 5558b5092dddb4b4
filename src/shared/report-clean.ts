// Reports from web pages are made to fit the message limits instead of being
// refused: one bad value (a snippet full of line separators, a huge URL, an
// impossible host name) must never cost the page's whole report.
import { readableText } from '../core/normalize';
import { SLUG } from '../data/slug';

export const MAX_URL = 8192;
export const MAX_IDS = 20_000;
export const MAX_SNIPPET = 400;
export const MAX_SNIPPETS = 5;
export const MAX_HOST = 253;
export const MAX_HOSTS = 500;

const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= 64 && SLUG.test(x);

/** Page text on one line as a person reads it, well-formed, cut to the limit ("…" where cut). */
export function cleanSnippet(s: string): string {
  // Lone surrogates become U+FFFD (storage and JSON would mangle them anyway).
  const text = readableText((s as { toWellFormed?: () => string }).toWellFormed?.() ?? s);
  if (text.length <= MAX_SNIPPET) return text;
  const cut = (text.charCodeAt(MAX_SNIPPET - 2) & 0xfc00) === 0xd800 ? MAX_SNIPPET - 2 : MAX_SNIPPET - 1;
  return text.slice(0, cut) + '…';
}

const snippetList = (x: unknown, what: string, dropped: string[]): string[] => {
  if (!Array.isArray(x)) {
    if (x !== undefined) dropped.push(`${what}: not a list`);
    return [];
  }
  const out = x.flatMap((s) => (typeof s === 'string' && (s = cleanSnippet(s)) ? [s] : []));
  if (out.length > MAX_SNIPPETS) dropped.push(`${what}: ${out.length - MAX_SNIPPETS} snippets over ${MAX_SNIPPETS}`);
  return out.slice(0, MAX_SNIPPETS);
};

/**
 * A frame's report, made to fit the limits instead of refused: snippets are
 * collapsed and cut, the URL is cut, ids, hosts and counts that cannot be
 * kept are left out and named in `dropped`. The rest of the report always
 * arrives, so one bad value cannot hide every provider a page names.
 */
export function cleanReport(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const r = input as Record<string, unknown>;
  const dropped: string[] = [];
  let url = r.url;
  if (typeof url === 'string' && url.length > MAX_URL) {
    dropped.push(`url: cut from ${url.length} characters`);
    url = url.slice(0, MAX_URL);
  }
  const rawIds = Array.isArray(r.ids) ? r.ids : [];
  const ids = [...new Set(rawIds.filter(isId))];
  if (ids.length < rawIds.length) dropped.push(`ids: ${rawIds.length - ids.length} invalid or repeated`);
  if (ids.length > MAX_IDS) dropped.push(`ids: ${ids.length - MAX_IDS} over ${MAX_IDS}`);
  const snippets: [string, string[]][] = [];
  if (r.snippets && typeof r.snippets === 'object') {
    let skipped = 0;
    for (const key of Object.keys(r.snippets)) {
      if (!isId(key) || snippets.length >= MAX_IDS) skipped++;
      else snippets.push([key, snippetList((r.snippets as Record<string, unknown>)[key], `snippets of ${key}`, dropped)]);
    }
    if (skipped) dropped.push(`snippets: ${skipped} invalid keys`);
  }
  const resources: [string, number][] = [];
  if (r.resources && typeof r.resources === 'object') {
    let skipped = 0;
    for (const host of Object.keys(r.resources)) {
      const count = (r.resources as Record<string, unknown>)[host];
      if (host.length <= MAX_HOST && Number.isInteger(count) && (count as number) >= 0 && resources.length < MAX_HOSTS) resources.push([host, count as number]);
      else skipped++;
    }
    if (skipped) dropped.push(`resources: ${skipped} hosts left out (over ${MAX_HOST} characters, bad count, or over ${MAX_HOSTS})`);
  }
  // fromEntries defines own properties: a "__proto__" key cannot reach a prototype (and the schema drops it).
  const out: Record<string, unknown> = { url, ids: ids.slice(0, MAX_IDS), snippets: Object.fromEntries(snippets) };
  if (r.claims !== undefined) out.claims = snippetList(r.claims, 'claims', dropped);
  if (r.resources !== undefined) out.resources = Object.fromEntries(resources);
  if (dropped.length) out.dropped = dropped;
  return out;
}
