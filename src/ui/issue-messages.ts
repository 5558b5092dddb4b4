// The schema's validation messages are English data; the UI shows the common
// ones in the UI language and keeps any other one as is.
import type { MessageKey } from '../shared/i18n';

const EXACT: Record<string, MessageKey> = {
  'must not be empty': 'issueRequired',
  'must be a date YYYY-MM-DD': 'issueDate',
  'must be an ISO 3166-1 alpha-2 code such as FR': 'issueCountry',
  'must be a lower-case slug such as my-cloud': 'issueSlug',
  'must be a URL': 'issueUrl',
  'must start with https://': 'issueHttps',
  'must not contain spaces, line breaks, quotes, backticks, backslashes or angle brackets': 'issueUrlCharacters',
  'must be a domain such as example.com': 'issueDomain',
  'a weak alias needs at least one context word': 'issueContext',
  'a status other than "unknown" needs at least one source': 'issueNeedsSource',
  'a status or a law other than "unknown" needs at least one source': 'issueNeedsSource',
  'a headquarters country needs at least one source': 'issueHqNeedsSource',
};

export interface LocalisedIssue {
  key: MessageKey;
  subs?: string[];
}

/** The message key for a schema message, or null to show the message as it is. */
export function localiseIssue(message: string): LocalisedIssue | null {
  const exact = EXACT[message];
  if (exact) return { key: exact };
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return { key: 'issueTooLong', subs: [tooLong[1]!] };
  return null;
}
