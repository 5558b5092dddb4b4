import { describe, expect, it } from 'vitest';
import { collectInputs, listLines, normalizeUrl } from './inputs';

describe('normalizeUrl', () => {
  it('keeps http(s) addresses and adds https:// to a bare host', () => {
    expect(normalizeUrl('https://vendor.example/trust')).toBe('https://vendor.example/trust');
    expect(normalizeUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
    expect(normalizeUrl('vendor.example/sub-processors')).toBe('https://vendor.example/sub-processors');
    expect(normalizeUrl('localhost:8080/page')).toBe('https://localhost:8080/page');
  });

  it('refuses other schemes and what is not an address', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.example/', 'data:text/html,hi', 'mailto:dpo@x.example', 'two words', '', 'https://']) expect(normalizeUrl(bad), bad).toBeNull();
  });
});

describe('listLines', () => {
  it('skips blank lines and comments, keeps fragments, and reads Windows line ends and a BOM', () => {
    expect(listLines('\uFEFF# vendors\r\nhttps://a.example/#trust\r\n\r\n  b.example  # the CDN\n#c.example\n')).toEqual(['https://a.example/#trust', 'b.example']);
  });
});

describe('collectInputs', () => {
  const files: Record<string, string> = { 'vendors.txt': 'a.example\nhttps://b.example/\njavascript:alert(1)\n', 'page.html': '<!doctype html><p>hi</p>' };
  const reader = { read: (arg: string) => files[arg] ?? null };

  it('reads addresses from arguments and list files, once each, in order', () => {
    const { urls, rejected } = collectInputs(['https://b.example/', 'vendors.txt', 'c.example'], reader);
    expect(urls).toEqual(['https://b.example/', 'https://a.example/', 'https://c.example/']);
    expect(rejected).toEqual(['vendors.txt: "javascript:alert(1)" is not an http(s) address']);
  });

  it('says a web page is not a list', () => {
    expect(collectInputs(['page.html'], reader).rejected[0]).toMatch(/^page\.html: is a web page, not a list/);
  });
});
