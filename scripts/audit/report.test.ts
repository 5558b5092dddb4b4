import { describe, expect, it } from 'vitest';
import { pageModel } from '../../src/popup/model';
import { PROVIDERS, SCANS, sampleReport, TODAY } from './fixtures.test-data';
import { auditPage } from './report';

describe('auditReport', () => {
  const report = sampleReport();
  const [vendor, bakery, gone] = report.pages;

  it('lists the providers the popup shows, in its order, with its levels and statuses', () => {
    const model = pageModel(SCANS[0]!.view, PROVIDERS, TODAY);
    expect(vendor!.providers.map((p) => p.id)).toEqual(model.page.providers.map((a) => a.provider.id));
    expect(vendor!.providers.map((p) => [p.level, p.hds.status, p.secnumcloud.status])).toEqual(model.page.providers.map((a) => [a.level, a.hds.status, a.secnumcloud.status]));
    expect(vendor!.level).toBe(model.page.level);
    expect(vendor!.level).toBe('high');
  });

  it('drops ids the dataset does not know, as the popup does', () => {
    expect(vendor!.providers.map((p) => p.id)).not.toContain('no-longer-in-the-data');
  });

  it('keeps how each provider was found and the sentences that named it', () => {
    const azure = vendor!.providers.find((p) => p.id === 'microsoft-azure')!;
    expect(azure.via).toEqual(['text']);
    expect(azure.snippets[0]).toContain('Backups run on Microsoft Azure');
    expect(vendor!.providers.find((p) => p.id === 'ovhcloud')!.via).toEqual(['host']);
  });

  it('counts an HDS certificate past its end date as absent (the popup’s data-hds)', () => {
    const host = vendor!.providers.find((p) => p.id === 'hds-host')!;
    expect(host.hds).toMatchObject({ status: 'not-certified', validity: 'expired', validUntil: '2026-01-31' });
  });

  it('lists the providers serving the page’s files with their counts and levels', () => {
    expect(vendor!.servedBy.map((s) => [s.id, s.files, s.hosts, s.level])).toEqual([
      ['cloudflare', 12, ['cdnjs.cloudflare.com'], 'high'],
      ['microsoft-azure', 2, ['x.blob.core.windows.net'], 'high'],
    ]);
  });

  it('gives a page without providers no verdict, and keeps where it redirected', () => {
    expect(bakery).toMatchObject({ level: null, providers: [], servedBy: [], error: null, finalUrl: 'https://www.bakery.example/' });
  });

  it('keeps why a page could not be audited', () => {
    expect(gone).toMatchObject({ error: 'HTTP 404 Not Found', httpStatus: 404, level: null, providers: [] });
  });

  it('never reports findings for a page without a view', () => {
    const page = auditPage({ url: 'https://x.example/', finalUrl: null, httpStatus: null, error: null, view: null }, PROVIDERS, TODAY);
    expect(page.error).toBe('no findings');
    expect(page.level).toBeNull();
  });

  it('is plain data: JSON gives it back unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
