// The IP → provider table against the package it was built from: for every
// listed ASN, addresses inside its ranges map to its provider, and a linear
// scan of the raw CSV agrees with the binary search on random addresses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import table from '../data/generated/asn-table.json';
import networks from '../data/networks.json';
import { compileIpLookup, parseIPv4, parseIPv6, type AsnTable } from './ip-lookup';

const lookup = compileIpLookup(table as unknown as AsnTable);
const dir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
const asnOwner = new Map(networks.networks.flatMap((n) => n.asns.map((a) => [a, n.providerId] as const)));
/** The package's IPv4 rows of the listed ASNs: [start, end, asn]. */
const rows = readFileSync(join(dir, 'asn-ipv4-num.csv'), 'utf8')
  .split('\n')
  .map((l) => l.split(',', 3))
  .filter(([, , asn]) => asnOwner.has(Number(asn)))
  .map(([a, b, asn]) => [Number(a), Number(b), Number(asn)] as const);
const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

describe('parsing', () => {
  it('reads IPv4 and refuses what is not one', () => {
    expect(parseIPv4('1.1.1.1')).toBe(0x01010101);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['1.1.1', '1.1.1.1.1', '256.1.1.1', '01.1.1.1', '1.1.1.x', '', ' 1.1.1.1']) expect(parseIPv4(bad)).toBeNull();
  });

  it('reads IPv6 in every written form', () => {
    expect(parseIPv6('2606:4700::6810:84e5')).toEqual([0x2606, 0x4700, 0, 0, 0, 0, 0x6810, 0x84e5]);
    expect(parseIPv6('[2001:db8::1]')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:1.1.1.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0101, 0x0101]);
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const bad of ['1:2:3:4:5:6:7', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '1.2.3.4', 'hello']) expect(parseIPv6(bad)).toBeNull();
  });
});

describe('lookup', () => {
  it('knows a few well-known addresses', () => {
    expect(lookup('1.1.1.1')).toEqual({ providerId: 'cloudflare', asn: 13335 });
    expect(lookup('8.8.8.8')).toEqual({ providerId: 'google-cloud', asn: 15169 });
    expect(lookup('::ffff:1.1.1.1')).toEqual({ providerId: 'cloudflare', asn: 13335 });
    expect(lookup('2606:4700:4700::1111')).toEqual({ providerId: 'cloudflare', asn: 13335 });
  });

  it('maps addresses of every listed ASN, from the package’s own ranges, to its provider', () => {
    for (const [asn, providerId] of asnOwner) {
      const mine = rows.filter((r) => r[2] === asn);
      expect(mine.length, `AS${asn} has IPv4 ranges in the package`).toBeGreaterThan(0);
      for (const [a, b] of [mine[0]!, mine[mine.length >> 1]!, mine[mine.length - 1]!]) {
        for (const ip of [a, b, Math.floor((a + b) / 2)]) expect(lookup(dotted(ip)), `${dotted(ip)} (AS${asn})`).toEqual({ providerId, asn });
      }
    }
  });

  it('maps private, loopback and unlisted addresses, and garbage, to nothing', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '::1', '0.0.0.0', 'not an ip', '', '999.1.1.1']) expect(lookup(ip)).toBeNull();
  });

  it('agrees with a linear scan of the package on random addresses', () => {
    const linear = (n: number) => {
      const r = rows.find(([a, b]) => a <= n && n <= b);
      return r ? { providerId: asnOwner.get(r[2])!, asn: r[2] } : null;
    };
    // Half of the addresses near a listed range, so both answers are exercised.
    const near = fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: -300, max: 300 })).map(([i, d]) => Math.min(0xffffffff, Math.max(0, rows[i]![0] + d)));
    fc.assert(
      fc.property(fc.oneof(near, fc.integer({ min: 0, max: 0xffffffff })), (n) => {
        expect(lookup(dotted(n))).toEqual(linear(n));
      }),
      { numRuns: 2000 },
    );
  });
});
