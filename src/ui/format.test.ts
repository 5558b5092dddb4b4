import { describe, expect, it } from 'vitest';
import { countryName, countryWithCode, displayHost, formatDate, formatList, safeHttpsUrl } from './format';

describe('formatDate', () => {
  it('formats a calendar date in the UI language without shifting the day', () => {
    expect(formatDate('2025-03-04', 'en')).toMatch(/4/);
    expect(formatDate('2025-03-04', 'en')).toMatch(/Mar/);
    expect(formatDate('2025-03-04', 'fr')).toMatch(/4 mars 2025/);
    expect(formatDate('2024-12-31', 'fr')).toMatch(/31 déc\.? 2024/);
  });
  it('returns anything that is not a date as is', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('countryName', () => {
  it('names countries in the UI language', () => {
    expect(countryName('FR', 'en')).toBe('France');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('US', 'fr')).toMatch(/États-Unis/);
  });
  it('pairs the name with the ISO code', () => {
    expect(countryWithCode('DE', 'en')).toBe('Germany (DE)');
  });
  it('falls back to the code', () => {
    expect(countryName('zz', 'en')).toBe('zz');
  });
});

describe('formatList', () => {
  it('uses the language conjunction', () => {
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(formatList(['a', 'b'], 'fr')).toBe('a et b');
  });
});

describe('links', () => {
  it('keeps https only', () => {
    expect(safeHttpsUrl('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('http://example.com')).toBeNull();
    expect(safeHttpsUrl('not a url')).toBeNull();
  });
  it('shows the host of http(s) pages only', () => {
    expect(displayHost('https://www.example.com/a?b')).toBe('www.example.com');
    expect(displayHost('chrome://extensions')).toBeNull();
  });
});
