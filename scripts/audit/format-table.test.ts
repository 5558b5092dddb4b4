import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures.test-data';
import { fitColumns, formatTable, renderTable, wrap } from './format-table';
import { labels } from './labels';
import { translator } from './messages';
import { sayer } from './strings';

const options = (width: number, cite = true) => {
  const t = translator('en');
  return { t, say: sayer('en'), l: labels(t, 'en'), width, cite };
};

describe('wrap', () => {
  it('breaks between words and cuts a word longer than the line', () => {
    expect(wrap('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
    expect(wrap('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrap('', 5)).toEqual(['']);
  });
});

describe('fitColumns', () => {
  it('keeps natural widths that fit, else narrows the widest first, never below 8', () => {
    expect(fitColumns([10, 20], 40)).toEqual([10, 20]);
    expect(fitColumns([10, 30], 30)).toEqual([10, 20]);
    expect(fitColumns([12, 12], 10)).toEqual([8, 8]);
  });
});

describe('renderTable', () => {
  it('never writes a line wider than asked when the columns can shrink', () => {
    const lines = renderTable(['Provider', 'Level'], [{ cells: ['A provider with a long name', 'Exposed to foreign law'], after: ['“a sentence under the row that is long enough to wrap”'] }], 30);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(lines.join('\n')).toContain('A provider');
  });
});

describe('formatTable', () => {
  const out = formatTable(sampleReport(), options(120));

  it('gives each page its verdict, providers with statuses, headquarters, phrase and sources', () => {
    expect(out).toContain('https://vendor.example/trust\n  Page verdict: Exposed to foreign law');
    expect(out).toContain('Providers found: 3');
    expect(out).toMatch(/Microsoft Azure\s+Exposed to foreign law\s+Exposed\s+Not verified yet\s+Not verified yet/);
    expect(out).toContain('Headquarters: Microsoft Corporation — United States (US)');
    expect(out).toContain('“Backups run on Microsoft Azure | "EU" region, see <script>alert(1)</script> =1+1 [31m”');
    expect(out).toContain('This site is run by OVHcloud.');
    expect(out).toContain('      Headquarters not verified yet\n');
    expect(out).toMatch(/Sources: \[1\]\[2\]/);
    expect(out).toMatch(/\n {2}\[2\] Source — https:\/\/uscode\.house\.gov\/view\.xhtml\?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim \(verified/);
  });

  it('lists the providers serving the page’s files', () => {
    expect(out).toContain('This page loads from\n  • Cloudflare — Exposed to foreign law — 12 file(s) from cdnjs.cloudflare.com');
  });

  it('says when a page has no provider, where it went, and why a page could not be audited', () => {
    expect(out).toContain('https://bakery.example/\n  now at https://www.bakery.example/\n  No cloud provider found on this page');
    expect(out).toContain('https://gone.example/subprocessors\n  Could not audit: HTTP 404 Not Found');
  });

  it('prints no control character a page could use to drive the terminal', () => {
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('leaves the sources out when asked', () => {
    const bare = formatTable(sampleReport(), options(100, false));
    expect(bare).not.toContain('Sources');
    expect(bare).toContain('Headquarters: Microsoft Corporation');
  });
});
