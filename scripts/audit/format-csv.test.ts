import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures.test-data';
import { csvCell, formatCsv } from './format-csv';
import { parseCsv } from './read-csv.test-helper';
import { labels } from './labels';
import { translator } from './messages';
import { sayer } from './strings';

const words = (lang: 'en' | 'fr' = 'en') => {
  const t = translator(lang);
  return { t, say: sayer(lang), l: labels(t, lang) };
};

describe('csvCell', () => {
  it('quotes fields with quotes, separators and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses formulas: a cell starting with = + - @ gets an apostrophe', () => {
    for (const f of ['=1+1', '+1', '-2+3', '@SUM(A1)', '=HYPERLINK("https://evil.example")']) expect(csvCell(f).replace(/^"|"$/g, '').startsWith(`'${f[0]}`), f).toBe(true);
  });

  it('drops control characters, including a terminal escape', () => {
    expect(csvCell('a\u001b[31mb\u0007')).toBe('a[31mb');
  });
});

describe('formatCsv', () => {
  const csv = formatCsv(sampleReport(), words());
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  const [header, ...data] = rows;
  const col = (name: string) => header!.indexOf(name);
  const cell = (r: string[], name: string) => r[col(name)]!;

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per page and provider, every row as wide as the header', () => {
    for (const r of data) expect(r).toHaveLength(header!.length);
    const pairs = data.map((r) => `${cell(r, 'Page')} ${cell(r, 'Provider id')}`);
    expect(pairs).toEqual([
      'https://vendor.example/trust microsoft-azure',
      'https://vendor.example/trust ovhcloud',
      'https://vendor.example/trust hds-host',
      'https://vendor.example/trust cloudflare',
      'https://bakery.example/ ',
      'https://gone.example/subprocessors ',
    ]);
  });

  it('says how each provider was found, with statuses as the popup words them', () => {
    const [azure, ovh, host, cf] = data;
    expect(cell(azure!, 'How found')).toBe('named on the page, serves 2 file(s)');
    expect(cell(azure!, 'Level')).toBe('Exposed to foreign law');
    expect(cell(azure!, 'CLOUD Act')).toBe('Exposed');
    expect(cell(azure!, 'Foreign laws')).toBe('US CLOUD Act (18 U.S.C. §2713); US FISA Section 702 (50 U.S.C. §1881a)');
    expect(cell(azure!, 'Sources')).toBe('https://www.microsoft.com/ https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim');
    expect(cell(host!, 'HDS')).toBe('Certificate expired');
    expect(cell(host!, 'HDS valid until')).toBe('');
    expect(cell(ovh!, 'How found')).toBe('runs the site');
    expect(cell(cf!, 'How found')).toBe('serves 12 file(s)');
    expect(cell(cf!, 'Files served')).toBe('12');
    expect(cell(cf!, 'Hosts')).toBe('cdnjs.cloudflare.com');
  });

  it('keeps page text inert: one line, formulas defused', () => {
    const [azure, , host] = data;
    expect(cell(azure!, 'Found in')).toBe('Backups run on Microsoft Azure | "EU" region, see <script>alert(1)</script> =1+1 [31m');
    expect(cell(host!, 'Found in')).toBe("'-2+3 hosted by Hôte Santé");
    expect(cell(host!, 'Provider')).toBe('\'=HYPERLINK("https://evil.example")');
  });

  it('gives a page without providers its verdict and a failed page its reason', () => {
    const bakery = data[4]!;
    const gone = data[5]!;
    expect(cell(bakery, 'Verdict')).toBe('No cloud provider found on this page');
    expect(cell(bakery, 'Page status')).toBe('OK (now at https://www.bakery.example/)');
    expect(cell(gone, 'Page status')).toBe('Could not audit: HTTP 404 Not Found');
    expect(cell(gone, 'Verdict')).toBe('');
  });

  it('speaks French when asked', () => {
    const fr = parseCsv(formatCsv(sampleReport(), words('fr')).replace(/^\uFEFF/, ''));
    expect(fr[0]).toContain('Fournisseur');
    expect(fr[1]![fr[0]!.indexOf('Niveau')]).toBe('Exposé à un droit étranger');
  });
});
