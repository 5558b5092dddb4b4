import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildAsnTable, tableJson } from '../../scripts/build-asn-table';
import { bundledDataset } from './load';
import networks from './networks.json';
import { NetworksSchema } from './networks-schema';
import { readFileSync } from 'node:fs';

describe('networks.json', () => {
  it('is valid, sourced, and names providers of the dataset', () => {
    const parsed = v.parse(NetworksSchema, networks);
    const ids = new Set(bundledDataset().providers.map((p) => p.id));
    for (const n of parsed.networks) expect(ids.has(n.providerId), n.providerId).toBe(true);
  });

  it('refuses an ASN listed for two providers', () => {
    const twice = { version: '2026-11-24', networks: [networks.networks[0]!, { ...networks.networks[1]!, asns: networks.networks[0]!.asns }] };
    expect(v.safeParse(NetworksSchema, twice).success).toBe(false);
  });

  it('generated/asn-table.json is up to date with networks.json and the ASN package (npm run data:asn)', () => {
    expect(readFileSync(new URL('./generated/asn-table.json', import.meta.url), 'utf8')).toBe(tableJson(buildAsnTable()));
  });
});
