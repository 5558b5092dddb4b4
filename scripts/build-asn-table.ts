// Builds src/data/generated/asn-table.json: the IP ranges announced by the
// ASNs of src/data/networks.json, taken from the @ip-location-db/asn package
// (RouteViews, NRO and DB-IP data, CC BY 4.0), merged and packed as base64
// typed arrays for the background's lookup (src/core/ip-lookup.ts).
//   npx tsx scripts/build-asn-table.ts          writes the table
//   npx tsx scripts/build-asn-table.ts --check  exits 1 when it is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import networksJson from '../src/data/networks.json' with { type: 'json' };
import { NetworksSchema } from '../src/data/networks-schema';

const OUT = new URL('../src/data/generated/asn-table.json', import.meta.url);

type Range = [start: bigint, end: bigint, entry: number];

function rangesOf(csv: string, entryOf: Map<number, number>, shift: bigint): Range[] {
  const out: Range[] = [];
  for (const line of csv.split('\n')) {
    const [a, b, asn] = line.split(',', 3);
    const entry = entryOf.get(Number(asn));
    if (entry === undefined || !a || !b) continue;
    out.push([BigInt(a) >> shift, BigInt(b) >> shift, entry]);
  }
  out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // Merge touching or overlapping ranges of one entry; on a conflict the first range keeps the overlap.
  const merged: Range[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1n) {
      if (r[2] === last[2]) {
        if (r[1] > last[1]) last[1] = r[1];
        continue;
      }
      if (r[1] <= last[1]) continue;
      r[0] = last[1] + 1n;
    }
    merged.push([...r]);
  }
  return merged;
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Words of `bits` (32 or 64, as two 32-bit halves, high first). */
function pack(ranges: Range[], bits: 32 | 64) {
  const words = bits / 32;
  const start = new Uint32Array(ranges.length * words);
  const end = new Uint32Array(ranges.length * words);
  const entry = new Uint8Array(ranges.length);
  ranges.forEach(([s, e, i], k) => {
    for (let w = 0; w < words; w++) {
      const shift = BigInt(32 * (words - 1 - w));
      start[k * words + w] = Number((s >> shift) & 0xffffffffn);
      end[k * words + w] = Number((e >> shift) & 0xffffffffn);
    }
    entry[k] = i;
  });
  return { count: ranges.length, start: b64(start), end: b64(end), entry: b64(entry) };
}

export function buildAsnTable() {
  const networks = v.parse(NetworksSchema, networksJson);
  const entries: [string, number][] = networks.networks.flatMap((n) => n.asns.map((asn) => [n.providerId, asn] as [string, number]));
  if (entries.length > 255) throw new Error('more than 255 ASNs: widen the entry array');
  const entryOf = new Map(entries.map(([, asn], i) => [asn, i]));
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@ip-location-db/asn/package.json'));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return {
    source: `@ip-location-db/asn@${pkg.version} (RouteViews, NRO, DB-IP; CC BY 4.0)`,
    networks: networks.version,
    entries,
    v4: pack(rangesOf(readFileSync(join(dir, 'asn-ipv4-num.csv'), 'utf8'), entryOf, 0n), 32),
    // IPv6 by its first 64 bits: providers announce /64 or larger.
    v6: pack(rangesOf(readFileSync(join(dir, 'asn-ipv6-num.csv'), 'utf8'), entryOf, 64n), 64),
  };
}

export const tableJson = (t: ReturnType<typeof buildAsnTable>) => JSON.stringify(t, null, 1) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = tableJson(buildAsnTable());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== json) {
      console.error('src/data/generated/asn-table.json is stale: run `npm run data:asn`.');
      process.exit(1);
    }
    console.log('asn-table.json is up to date.');
  } else {
    writeFileSync(OUT, json);
    const t = JSON.parse(json) as { v4: { count: number }; v6: { count: number } };
    console.log(`asn-table.json: ${t.v4.count} IPv4 and ${t.v6.count} IPv6 ranges, ${(json.length / 1000).toFixed(1)} kB`);
  }
}
