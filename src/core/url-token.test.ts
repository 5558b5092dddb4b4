import { describe, expect, it } from 'vitest';
import { inUrlToken, tokenAround } from './url-token';

describe('inUrlToken', () => {
  const at = (text: string, word: string) => {
    const start = text.indexOf(word);
    return inUrlToken(text, start, start + word.length);
  };

  it('recognises addresses and paths around a name', () => {
    expect(at('see https://github.com/Azure/sdk now', 'Azure')).toBe(true);
    expect(at('see github.com/Azure/sdk now', 'Azure')).toBe(true);
    expect(at('open www.ovhcloud.com/OVHcloud', 'OVHcloud')).toBe(true);
    expect(at('cd /usr/Azure', 'Azure')).toBe(true);
  });

  it('leaves names in prose alone', () => {
    expect(at('AWS/Azure both', 'Azure')).toBe(false);
    expect(at('Azure/OVHcloud, then', 'OVHcloud')).toBe(false);
    expect(at('(Azure)', 'Azure')).toBe(false);
  });

  it('bounds the token it looks at', () => {
    const long = 'x'.repeat(10_000) + 'Azure';
    expect(tokenAround(long, 10_000, 10_005).length).toBeLessThanOrEqual(256 + 5);
  });
});
