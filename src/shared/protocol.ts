// Every message between the extension's parts: one table of request schemas
// (validated on receipt) and reply types. Names follow `area/verb`.
import * as v from 'valibot';
import { LEVELS, type Level } from '../core/assess';
import { SLUG } from '../data/slug';
import { cleanReport, MAX_HOST, MAX_HOSTS, MAX_IDS, MAX_SNIPPET, MAX_SNIPPETS, MAX_URL } from './report-clean';
import { WarningUpdateSchema } from './notice-message';

export { MAX_URL };

// Not the schema's ProviderIdSchema: the content script must not bundle the whole schema.
const ProviderIdSchema = v.pipe(v.string(), v.regex(SLUG), v.maxLength(64));
const Ids = v.pipe(v.array(ProviderIdSchema), v.maxLength(MAX_IDS));
const Snippet = v.pipe(v.string(), v.maxLength(MAX_SNIPPET));
const Snippets = v.pipe(v.record(ProviderIdSchema, v.pipe(v.array(Snippet), v.maxLength(MAX_SNIPPETS))), v.check((r) => Object.keys(r).length <= MAX_IDS));

export const RequestSchemas = {
  /** Content script → background: the providers a frame found so far. */
  'tab/report': v.pipe(
    v.unknown(),
    v.transform(cleanReport),
    v.object({
      url: v.pipe(v.string(), v.maxLength(MAX_URL)),
      ids: Ids,
      /** Everything the frame found since its document or SPA route started (it replaces the previous report). */
      snippets: Snippets,
      /** Sentences where the page claims French/EU or sovereign hosting ("hébergé en France"). */
      claims: v.optional(v.pipe(v.array(Snippet), v.maxLength(MAX_SNIPPETS))),
      /** Hosts the frame loaded resources from, with counts (Resource Timing). */
      resources: v.optional(
        v.pipe(
          v.record(v.pipe(v.string(), v.maxLength(MAX_HOST)), v.pipe(v.number(), v.integer(), v.minValue(0))),
          v.check((r) => Object.keys(r).length <= MAX_HOSTS, 'at most 500 hosts'),
        ),
      ),
      /** What the cleaning left out or cut (set on receipt, for the log). */
      dropped: v.optional(v.array(v.string())),
    }),
  ),
  /** Popup/report → background: what was found in a tab. */
  'tab/get-state': v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Content script (warning) → background: show the details for this tab. */
  'tab/open-details': v.object({}),
  /** Content script (notice) → background: never show the notice on the sender's site. */
  'settings/silence-site': v.object({}),
  /** Content script (notice) → background: undo that, for the sender's site. */
  'settings/unsilence-site': v.object({}),
  /** Popup → background: the text of a pending context-menu lookup, once. */
  'lookup/take': v.object({}),
  /** Background → content script (top frame): what the in-page notice shows, or null to hide it. */
  'warning/update': WarningUpdateSchema,
} as const;

export interface TabProvider {
  id: string;
  /** Where it was seen: named in the text, or the page's own host. */
  via: ('text' | 'host')[];
  snippets: string[];
}

/** A provider that served resources to the page. */
export interface ResourceProvider {
  id: string;
  count: number;
  hosts: string[];
}

/** The server of the top document, when hosting detection is on. */
export interface Hosting {
  ip: string;
  /** The provider whose network (ASN) announces the address, or null. */
  providerId: string | null;
  asn: number | null;
}

export interface TabView {
  url: string;
  providers: TabProvider[];
  /** "This page loads from": providers that served resources, most resources first. */
  resources: ResourceProvider[];
  /** Where the page claims French/EU or sovereign hosting (snippets). */
  claims: string[];
  /** Who serves the page (hosting detection); null when off or unknown. */
  hosting: Hosting | null;
}

export interface Replies {
  'tab/report': void;
  'tab/get-state': TabView | null;
  'tab/open-details': void;
  'lookup/take': string | null;
  'settings/silence-site': void;
  'settings/unsilence-site': void;
  'warning/update': void;
}

export type MessageType = keyof typeof RequestSchemas;
export type Request<K extends MessageType> = v.InferOutput<(typeof RequestSchemas)[K]>;
export type Notice = NonNullable<Request<'warning/update'>['notice']>;
export type NoticeProvider = Notice['providers'][number] & { level: Level };

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  req: Request<K>;
}

/** Parses an incoming message; null for anything unknown or malformed. */
export function parseEnvelope(message: unknown): Envelope | null {
  if (!message || typeof message !== 'object') return null;
  const { type, req } = message as { type?: unknown; req?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(RequestSchemas, type)) return null;
  const parsed = v.safeParse(RequestSchemas[type as MessageType], req);
  return parsed.success ? { type: type as MessageType, req: parsed.output } : null;
}
