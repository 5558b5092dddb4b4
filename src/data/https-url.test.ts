import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HttpsUrlSchema } from './schema';

describe('source URLs', () => {
  it('refuse what could end a Markdown or HTML link early or break a line', () => {
    for (const url of [
      'https://a.example/>\n<img src=x onerror=alert(1)>',
      'https://a.example/x y',
      'https://a.example/\tx',
      'https://a.example/"onmouseover="x',
      'https://a.example/<script>',
      'https://a.example/`x`',
      'https://a.example/\\x',
      'https://a.example/\u0085x',
    ]) {
      expect(v.safeParse(HttpsUrlSchema, url).success, JSON.stringify(url)).toBe(false);
    }
  });

  it('accept ordinary https addresses', () => {
    for (const url of ['https://www.ovhcloud.com/fr/', 'https://example.org/a?b=c&d=%20e#f', 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62018CJ0311']) {
      expect(v.safeParse(HttpsUrlSchema, url).success, url).toBe(true);
    }
  });
});
