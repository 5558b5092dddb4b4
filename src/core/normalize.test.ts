import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldChar, foldText, foldedUnitsOf, isLower, isUpper, isWordChar, wordAfter, wordBefore } from './normalize';

const code = (s: string) => s.charCodeAt(0);

describe('foldChar', () => {
  it('lower-cases ASCII and leaves the rest of ASCII alone', () => {
    expect(String.fromCharCode(foldChar(code('A')))).toBe('a');
    expect(String.fromCharCode(foldChar(code('z')))).toBe('z');
    for (const ch of '0129-_.,;:!?/\\@#\'"() ') expect(foldChar(code(ch))).toBe(code(ch));
  });

  it('strips accents of precomposed Latin letters', () => {
    const pairs: [string, string][] = [['é', 'e'], ['É', 'e'], ['è', 'e'], ['ê', 'e'], ['ç', 'c'], ['Ç', 'c'], ['ñ', 'n'], ['ô', 'o'], ['Ü', 'u'], ['ÿ', 'y'], ['ŝ', 's'], ['ế', 'e'], ['İ', 'i']];
    for (const [from, to] of pairs) expect(String.fromCharCode(foldChar(code(from))), from).toBe(to);
  });

  it('keeps letters that have no single-unit base, lower-cased', () => {
    expect(String.fromCharCode(foldChar(code('Œ')))).toBe('œ');
    expect(String.fromCharCode(foldChar(code('ß')))).toBe('ß');
    expect(String.fromCharCode(foldChar(code('Ø')))).toBe('ø');
  });

  it('folds Greek and Cyrillic case', () => {
    expect(String.fromCharCode(foldChar(code('Ω')))).toBe('ω');
    expect(String.fromCharCode(foldChar(code('Д')))).toBe('д');
    expect(String.fromCharCode(foldChar(code('Ё')))).toBe('е');
  });

  it('folds typographic apostrophes, hyphens and spaces', () => {
    for (const ch of '’‘ʼ′') expect(foldChar(code(ch)), ch).toBe(code("'"));
    for (const ch of '\u2010\u2011') expect(foldChar(code(ch))).toBe(code('-'));
    for (const ch of '\t\n\r\u00a0\u2009\u202f\u3000') expect(foldChar(code(ch))).toBe(0x20);
  });

  it('folds full-width Latin', () => {
    expect(foldText('ＡＷＳ３')).toBe('aws3');
  });

  it('leaves other scripts, symbols and surrogates alone', () => {
    for (const ch of '中あ€✓\ud83d\ude00') expect(foldChar(code(ch))).toBe(code(ch));
  });
});

describe('foldText', () => {
  it('folds a sentence', () => {
    expect(foldText('Le Health Data Hub est HÉBERGÉ chez l’Hébergeur')).toBe("le health data hub est heberge chez l'hebergeur");
  });

  it('handles long strings (beyond one chunk)', () => {
    const s = 'Côte '.repeat(10_000);
    expect(foldText(s)).toBe('cote '.repeat(10_000));
  });

  it('keeps the length and folds unit by unit, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const f = foldText(s);
        expect(f.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) if (f.charCodeAt(i) !== foldChar(s.charCodeAt(i))) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on every code unit, and lists the units it moves', () => {
    const moved = new Set(foldedUnitsOf());
    for (let c = 0; c < 0x10000; c++) {
      const f = foldChar(c);
      if (foldChar(f) !== f) throw new Error(`fold is not idempotent at U+${c.toString(16)}`);
      if ((f !== c) !== moved.has(c)) throw new Error(`foldedUnitsOf is wrong at U+${c.toString(16)}`);
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('isWordChar', () => {
  it('accepts ASCII letters, digits and underscore', () => {
    for (const ch of 'azAZ09_') expect(isWordChar(code(ch)), ch).toBe(true);
  });

  it('accepts accented and non-Latin letters, and combining marks', () => {
    for (const ch of 'éÉçñœßΩдあ中\u0301') expect(isWordChar(code(ch)), ch).toBe(true);
  });

  it('rejects spaces, punctuation, quotes, guillemets and symbols', () => {
    for (const ch of " \t\n\u00a0'’\"«»-.,;:!?/\\@#=~$%()[]{}€✓") expect(isWordChar(code(ch)), ch).toBe(false);
  });

  it('rejects lone surrogates but sees letters beyond the BMP in context', () => {
    expect(isWordChar(0xd835)).toBe(false);
    const text = '\u{1d400}AWS\u{1f600}'; // mathematical bold A, AWS, emoji
    expect(wordBefore(text, 2)).toBe(true);
    expect(wordAfter(text, 5)).toBe(false);
    expect(isWordChar(0x1d400)).toBe(true);
  });

  it('does not count variation selectors (emoji presentation) as word characters', () => {
    expect(isWordChar(0xfe0f)).toBe(false);
    expect(wordBefore('☁️Azure', 2)).toBe(false);
  });

  it('agrees with \\p{L}\\p{N}\\p{M} on every other BMP code unit', () => {
    const re = /^[\p{L}\p{N}\p{M}_]$/u;
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0xfe00 && c <= 0xfe0f)) continue;
      if (isWordChar(c) !== re.test(String.fromCharCode(c))) throw new Error(`mismatch at U+${c.toString(16)}`);
    }
  });
});

describe('isUpper / isLower', () => {
  it('tells letter case, accents included', () => {
    expect(isUpper(code('A'))).toBe(true);
    expect(isUpper(code('É'))).toBe(true);
    expect(isUpper(code('é'))).toBe(false);
    expect(isLower(code('é'))).toBe(true);
    expect(isLower(code('3'))).toBe(false);
    expect(isUpper(code('3'))).toBe(false);
  });
});
