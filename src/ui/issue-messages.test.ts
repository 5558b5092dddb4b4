import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ProviderSchema } from '../data/schema';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { localiseIssue } from './issue-messages';

const messagesOf = (input: unknown) => {
  const r = v.safeParse(ProviderSchema, input);
  return r.success ? [] : r.issues.map((i) => i.message);
};

describe('localiseIssue', () => {
  it('knows the schema messages a form user meets most', () => {
    const bad = fixtureProvider({ id: 'Bad Id', name: ' ', domains: ['no domain'] }) as Record<string, unknown>;
    (bad.jurisdiction as Record<string, unknown>).hq = 'fr';
    (bad.hds as Record<string, unknown>).validUntil = '2025/01/01';
    (bad.cloudAct as Record<string, unknown>).status = 'exposed';
    const messages = messagesOf(bad);
    expect(messages.length).toBeGreaterThanOrEqual(5);
    for (const m of messages) expect(localiseIssue(m), m).not.toBeNull();
    expect(localiseIssue('must be at most 120 characters')).toEqual({ key: 'issueTooLong', subs: ['120'] });
    const badUrl = fixtureProvider({ id: 'x', name: 'X', cloudAct: { status: 'exposed', laws: [], reason: { en: 'x', fr: 'x' }, sources: [{ url: 'https://a.example/>\n<img>', title: 't', verified: '2026-01-01' }] } });
    for (const m of messagesOf(badUrl)) expect(localiseIssue(m), m).not.toBeNull();
  });

  it('leaves other messages alone', () => {
    expect(localiseIssue('Invalid type: Expected string but received 1')).toBeNull();
  });
});
