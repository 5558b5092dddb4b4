import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures.test-data';
import { render } from './formats';

describe('render', () => {
  const report = sampleReport();
  it('writes JSON that reads back as the report', () => {
    expect(JSON.parse(render(report, 'json', { lang: 'en', width: 100, cite: true }))).toEqual(report);
  });
  it('writes each format in the language asked for', () => {
    expect(render(report, 'table', { lang: 'fr', width: 100, cite: true })).toContain('Verdict de la page : Exposé à un droit étranger');
    expect(render(report, 'markdown', { lang: 'fr', width: 100, cite: true })).toContain('# Audit Sovereignty Lens');
    expect(render(report, 'csv', { lang: 'fr', width: 100, cite: true })).toContain('Fournisseur');
  });
});
