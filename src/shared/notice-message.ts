// The one message a content script receives: what the in-page notice shows.
// On its own so the content script bundles this schema and not the others.
import * as v from 'valibot';
import { LEVELS } from '../core/assess';
import { SLUG } from '../data/slug';

const ProviderIdSchema = v.pipe(v.string(), v.regex(SLUG), v.maxLength(64));

export const WarningUpdateSchema = v.object({
  notice: v.nullable(
    v.object({
      level: v.picklist(LEVELS),
      providers: v.pipe(v.array(v.object({ id: ProviderIdSchema, name: v.pipe(v.string(), v.maxLength(200)), level: v.picklist(LEVELS) })), v.maxLength(200)),
      /** How many providers warn in all (the list holds the first 200). */
      count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  ),
});
