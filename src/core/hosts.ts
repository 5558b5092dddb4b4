// Host → provider: a URL belongs to a provider when its host equals or is a
// subdomain of one of the provider's domains (and, for a domain given with a
// path such as `oracle.com/cloud`, its path starts there). Hosts are parsed
// with the public-suffix list (tldts) and indexed by registrable domain, so a
// lookup is one Map read plus a few string comparisons.
import { parse } from 'tldts';
import type { Provider } from '../data/schema';

interface Entry {
  id: string;
  /** Lower case, no trailing dot, no leading `www.`. */
  host: string;
  /** Lower-case path prefix without a trailing slash ("/cloud"), or "" for any path. */
  path: string;
  /** Input order, so results follow the providers' order (custom ones first). */
  order: number;
}

export interface HostIndex {
  /** Entries by registrable domain ("blob.core.windows.net" → "windows.net"). */
  readonly byDomain: ReadonlyMap<string, readonly Entry[]>;
  /** Entries whose host is itself a public suffix ("gouv.fr"), by that host: rare, checked per ancestor. */
  readonly bySuffix: ReadonlyMap<string, readonly Entry[]>;
}

function cleanHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.+$/, '');
}

function cleanPath(path: string): string {
  const p = path.toLowerCase().replace(/\/+$/, '');
  return p === '' ? '' : p.startsWith('/') ? p : '/' + p;
}

export function compileHostIndex(providers: readonly Pick<Provider, 'id' | 'domains'>[]): HostIndex {
  const byDomain = new Map<string, Entry[]>();
  const bySuffix = new Map<string, Entry[]>();
  const seen = new Set<string>();
  let order = 0;
  for (const p of Array.isArray(providers) ? providers : []) {
    for (const domain of Array.isArray(p?.domains) ? p.domains : []) {
      if (typeof domain !== 'string') continue;
      const slash = domain.indexOf('/');
      let host = cleanHost(slash < 0 ? domain : domain.slice(0, slash));
      const path = slash < 0 ? '' : cleanPath(domain.slice(slash));
      // "www.example.com" and "example.com" are one site.
      if (host.startsWith('www.') && host.indexOf('.', 4) > 0) host = host.slice(4);
      const parsed = parse(host);
      if (!parsed.hostname || parsed.hostname !== host || parsed.isIp) continue;
      const key = `${p.id} ${host}${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry: Entry = { id: String(p.id), host, path, order: order++ };
      const [map, k] = parsed.domain ? [byDomain, parsed.domain] : [bySuffix, host];
      const list = map.get(k);
      if (list) list.push(entry);
      else map.set(k, [entry]);
    }
  }
  return { byDomain, bySuffix };
}

function lookup(index: HostIndex, rawHost: string, pathname: string): string[] {
  const hostname = cleanHost(rawHost);
  const parsed = parse(hostname);
  if (!parsed.hostname || parsed.isIp) return [];
  const path = pathname.toLowerCase();
  const hits: Entry[] = [];
  const check = (list: readonly Entry[] | undefined) => {
    if (!list) return;
    for (const e of list) {
      const hostOk = hostname === e.host || hostname.endsWith('.' + e.host);
      const pathOk = e.path === '' || path === e.path || path.startsWith(e.path + '/');
      if (hostOk && pathOk) hits.push(e);
    }
  };
  if (parsed.domain) check(index.byDomain.get(parsed.domain));
  if (index.bySuffix.size > 0) {
    // The host and each of its ancestors.
    for (let at = 0; ; ) {
      check(index.bySuffix.get(hostname.slice(at)));
      const dot = hostname.indexOf('.', at);
      if (dot < 0) break;
      at = dot + 1;
    }
  }
  hits.sort((a, b) => a.order - b.order);
  return [...new Set(hits.map((e) => e.id))];
}

const WEB = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** Providers whose domains serve this URL (http, https, ws, wss); [] for IPs and anything unparsable. */
export function providersForUrl(index: HostIndex, url: string): string[] {
  if (typeof url !== 'string') return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (!WEB.has(parsed.protocol) || !parsed.hostname) return [];
  return lookup(index, parsed.hostname, parsed.pathname);
}

/** Providers whose domains cover this host name (a port is allowed; a domain with a path never matches). */
export function providersForHost(index: HostIndex, host: string): string[] {
  if (typeof host !== 'string' || host.trim() === '' || /[/?#@\\\s]/.test(host.trim())) return [];
  let hostname: string;
  try {
    // The URL parser gives IDN hosts their punycode form, as in the index.
    hostname = new URL(`http://${host.trim()}/`).hostname;
  } catch {
    return [];
  }
  return lookup(index, hostname, '/');
}
