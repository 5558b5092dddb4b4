import { describe, expect, it } from 'vitest';
import { addSite, normaliseSite } from './settings-model';

describe('normaliseSite', () => {
  it('accepts host names and URLs, and keeps the host in lower case', () => {
    expect(normaliseSite('Example.com')).toBe('example.com');
    expect(normaliseSite('  https://www.Example.com/page?q=1 ')).toBe('www.example.com');
    expect(normaliseSite('localhost:8080')).toBe('localhost');
    expect(normaliseSite('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseSite('bücher.de')).toBe('xn--bcher-kva.de');
  });
  it('refuses what is not a host', () => {
    expect(normaliseSite('')).toBeNull();
    expect(normaliseSite('two words')).toBeNull();
    expect(normaliseSite('http://')).toBeNull();
    expect(normaliseSite('a_b!.com')).toBeNull();
  });
});

describe('addSite', () => {
  it('adds once and sorts', () => {
    expect(addSite(['b.com', 'a.com'], 'a.com')).toEqual(['a.com', 'b.com']);
    expect(addSite([], 'c.com')).toEqual(['c.com']);
  });
});
