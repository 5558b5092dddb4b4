/**
 * Rules that derive a claim from other facts (see rules.ts for their text and
 * official source). Kept apart so the schema needs only the ids.
 */
export const RULE_IDS = [
  /** A provider under US jurisdiction must disclose data in its control wherever stored (18 U.S.C. §2713). */
  'us-cloud-act',
  /** China's National Intelligence Law (2017), art. 7: organisations must support state intelligence work. */
  'cn-nil-2017',
  /** An EU/EEA/Swiss entity with no documented non-EU control: no listed foreign law reaches it. */
  'eu-no-foreign-control',
  /** SecNumCloud 3.2 §19.6: a provider controlled from outside the EU cannot be qualified. */
  'snc-foreign-control',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
