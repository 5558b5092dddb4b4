import { describe, expect, it } from 'vitest';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { verdictChanges } from './verdict-changes';

const src = [{ url: 'https://example.org/r', title: 'Register', verified: '2026-01-01' }];
const exposed = fixtureProvider({ id: 'aws', name: 'Amazon Web Services', cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: { en: 'US.', fr: 'US.' }, sources: src } });
const notExposed = fixtureProvider({ id: 'aws', name: 'My AWS', cloudAct: { status: 'not-exposed', laws: [], reason: { en: 'EU.', fr: 'UE.' }, sources: src } });

describe('verdictChanges', () => {
  const bundled = new Map([['aws', exposed]]);

  it('shows a bundled provider whose verdict the import changes, before → after', () => {
    expect(verdictChanges([notExposed], [], bundled)).toEqual([{ id: 'aws', name: 'Amazon Web Services', before: 'high', after: 'low' }]);
  });

  it('compares with the person’s own replacement when there is one, and stays quiet when nothing changes', () => {
    expect(verdictChanges([notExposed], [notExposed], bundled)).toEqual([]);
    expect(verdictChanges([exposed], [notExposed], bundled)).toEqual([{ id: 'aws', name: 'Amazon Web Services', before: 'low', after: 'high' }]);
    expect(verdictChanges([{ ...notExposed, id: 'new-one' }], [], bundled)).toEqual([]);
  });
});
