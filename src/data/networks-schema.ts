// Which autonomous systems (ASNs) a provider announces its addresses from:
// the map from a server's IP address to a provider. Kept apart from the
// provider schema, whose export format is fixed by the contract.
import * as v from 'valibot';
import { IsoDateSchema, ProviderIdSchema, SourceSchema } from './schema';

export const NetworkSchema = v.strictObject({
  providerId: ProviderIdSchema,
  asns: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4_294_967_295))), v.minLength(1), v.maxLength(50)),
  /** Where each ASN was checked to belong to the provider. */
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'an ASN needs a source'), v.maxLength(50)),
});

export const NetworksSchema = v.pipe(
  v.strictObject({
    version: IsoDateSchema,
    networks: v.array(NetworkSchema),
  }),
  v.check((d) => {
    const asns = d.networks.flatMap((n) => n.asns);
    return new Set(asns).size === asns.length;
  }, 'an ASN may belong to one provider only'),
);

export type Networks = v.InferOutput<typeof NetworksSchema>;
