// IP → provider lookup (src/core/ip-lookup.ts) over the generated ASN table:
// time per lookup on a mix of listed and unlisted IPv4 and IPv6 addresses.
import table from '../src/data/generated/asn-table.json';
import { compileIpLookup, type AsnTable } from '../src/core/ip-lookup';

export interface IpLookupBench {
  lookups: number;
  nsPerLookup: number;
  hits: number;
  compileMs: number;
  tableBytes: number;
}

export function runIpLookupBench(): IpLookupBench {
  const t0 = performance.now();
  const lookup = compileIpLookup(table as unknown as AsnTable);
  const compileMs = performance.now() - t0;
  // A fixed pseudo-random mix: three quarters IPv4, one quarter IPv6.
  let x = 2463534242;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  const ips = Array.from({ length: 100_000 }, (_, i) => {
    const n = next();
    if (i % 4 === 3) return `2${(n & 0xfff).toString(16).padStart(3, '0')}:${(n >>> 16).toString(16)}::${i.toString(16)}`;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
  let hits = 0;
  for (const ip of ips) if (lookup(ip)) hits++; // warm-up
  const rounds = 5;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const ip of ips) if (lookup(ip)) hits++;
  const ns = ((performance.now() - t) * 1e6) / (rounds * ips.length);
  return { lookups: rounds * ips.length, nsPerLookup: ns, hits: hits / (rounds + 1), compileMs, tableBytes: JSON.stringify(table).length };
}
