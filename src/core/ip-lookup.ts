// IP address → provider, offline: a binary search in the sorted ranges of
// src/data/generated/asn-table.json (built by scripts/build-asn-table.ts).
// IPv4 ranges are 32-bit words; IPv6 ranges are the first 64 bits, as two words.

export interface PackedRanges {
  count: number;
  /** base64 of Uint32Array (one word per IPv4 range, two per IPv6 range, high word first). */
  start: string;
  end: string;
  /** base64 of Uint8Array: index into `entries`. */
  entry: string;
}

export interface AsnTable {
  entries: [providerId: string, asn: number][];
  v4: PackedRanges;
  v6: PackedRanges;
}

export interface IpOwner {
  providerId: string;
  asn: number;
}

/** Parses dotted IPv4 ("192.0.2.1") to an unsigned 32-bit number. */
export function parseIPv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const x = Number(p);
    if (x > 255) return null;
    n = n * 256 + x;
  }
  return n;
}

/** Parses IPv6 (compressed, bracketed, with a zone or an IPv4 tail) to its eight 16-bit groups. */
export function parseIPv6(input: string): number[] | null {
  let s = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  s = s.replace(/%.*$/, '');
  if (!s.includes(':') || s.length > 45) return null;
  // An IPv4 tail ("::ffff:192.0.2.1") becomes its two hex groups.
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const words: number[] = [];
  for (const g of [...head, ...rest]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    words.push(parseInt(g, 16));
  }
  if (halves.length === 1 ? words.length !== 8 : words.length > 7) return null;
  const zeros = new Array<number>(8 - words.length).fill(0);
  return [...words.slice(0, head.length), ...zeros, ...words.slice(head.length)];
}

function words(b64: string): Uint32Array {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Uint32Array(bytes.buffer, 0, bytes.byteLength >> 2);
}
function bytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Last range whose start is ≤ the address (w words per range), or -1. */
function search(start: Uint32Array, count: number, w: 1 | 2, hi: number, lo: number): number {
  let a = 0;
  let b = count - 1;
  let found = -1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    const sh = start[m * w]!;
    const le = w === 1 ? sh <= hi : sh < hi || (sh === hi && start[m * 2 + 1]! <= lo);
    if (le) {
      found = m;
      a = m + 1;
    } else b = m - 1;
  }
  return found;
}

export function compileIpLookup(table: AsnTable): (ip: string) => IpOwner | null {
  const v4 = { start: words(table.v4.start), end: words(table.v4.end), entry: bytes(table.v4.entry), count: table.v4.count };
  const v6 = { start: words(table.v6.start), end: words(table.v6.end), entry: bytes(table.v6.entry), count: table.v6.count };
  const owner = (i: number): IpOwner | null => {
    const e = table.entries[i];
    return e ? { providerId: e[0], asn: e[1] } : null;
  };
  const lookup4 = (n: number): IpOwner | null => {
    const k = search(v4.start, v4.count, 1, n, 0);
    return k >= 0 && n <= v4.end[k]! ? owner(v4.entry[k]!) : null;
  };
  return (ip: string) => {
    const n = parseIPv4(ip);
    if (n !== null) return lookup4(n);
    const g = parseIPv6(ip);
    if (!g) return null;
    // IPv4-mapped (::ffff:a.b.c.d): look the IPv4 address up.
    if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) return lookup4(g[6]! * 65536 + g[7]!);
    const hi = (g[0]! * 65536 + g[1]!) >>> 0;
    const lo = (g[2]! * 65536 + g[3]!) >>> 0;
    const k = search(v6.start, v6.count, 2, hi, lo);
    if (k < 0) return null;
    const eh = v6.end[k * 2]!;
    const el = v6.end[k * 2 + 1]!;
    return hi < eh || (hi === eh && lo <= el) ? owner(v6.entry[k]!) : null;
  };
}
