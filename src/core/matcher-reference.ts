// A slow matcher that is obviously right, for property tests of matcher.ts:
// every alias is tried at every position of the text with the same rules
// (folding, whitespace runs, case, boundaries, contexts), then overlaps are
// resolved leftmost-longest. Quadratic on purpose; never ship it.
import { foldChar, removeIgnorables, stripIgnorables } from './normalize';
import { inUrlToken } from './url-token';
import type { MatchableProvider, Mention } from './matcher';

const WINDOW = 80;
const WORD = /^[\p{L}\p{N}\p{M}_]$/u;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

const isSpace = (c: number) => foldChar(c) === 0x20;
const upper = (ch: string) => ch !== ch.toLowerCase();
const lower = (ch: string) => ch !== ch.toUpperCase();

/** The character (a whole code point when it is a valid pair) ending at `pos`. */
function charBefore(text: string, pos: number): string {
  if (pos <= 0) return '';
  const lo = text.charCodeAt(pos - 1);
  const hi = pos >= 2 ? text.charCodeAt(pos - 2) : 0;
  if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return text.slice(pos - 2, pos);
  return text.charAt(pos - 1);
}

function charAt(text: string, pos: number): string {
  if (pos >= text.length) return '';
  const hi = text.charCodeAt(pos);
  const lo = pos + 1 < text.length ? text.charCodeAt(pos + 1) : 0;
  if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return text.slice(pos, pos + 2);
  return text.charAt(pos);
}

const isWord = (ch: string) => ch !== '' && WORD.test(ch) && !VARIATION_SELECTOR.test(ch);
const folded = (ch: string) => (ch === '' ? '' : String.fromCharCode(foldChar(ch.charCodeAt(0))));

interface RefPattern {
  /** Trimmed, whitespace runs as one space. */
  text: string;
  /** Per unit: must be upper (U), must be lower (L) or free (.). */
  rule: string;
  prefix: boolean;
}

function clean(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const raw = removeIgnorables(input);
  const units: string[] = [];
  for (const ch of raw.split('')) {
    if (isSpace(ch.charCodeAt(0))) {
      if (units.length > 0 && units[units.length - 1] !== ' ') units.push(' ');
    } else units.push(ch);
  }
  if (units[units.length - 1] === ' ') units.pop();
  const s = units.join('');
  return s.split('').some(isWord) ? s : null;
}

function aliasPattern(raw: unknown): RefPattern | null {
  const text = clean(raw);
  if (text === null) return null;
  const chars = text.split('');
  const letters = chars.filter((ch) => /\p{L}/u.test(ch)).length;
  const exact = letters <= 4 || !chars.some(lower);
  const rule = chars
    .map((ch, i) => {
      if (exact) return upper(ch) ? 'U' : lower(ch) ? 'L' : '.';
      const initial = i === 0 || !isWord(chars[i - 1]!);
      return initial && upper(ch) ? 'U' : '.';
    })
    .join('');
  return { text, rule, prefix: false };
}

function contextPattern(raw: unknown): RefPattern | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  const prefix = trimmed.endsWith('*');
  const text = clean(prefix ? trimmed.replace(/\*+$/, '') : trimmed);
  return text === null ? null : { text, rule: '.'.repeat(text.length), prefix };
}

/** End of a match of `p` starting at `s`, or -1. */
function matchAt(text: string, s: number, p: RefPattern): number {
  let t = s;
  for (let j = 0; j < p.text.length; j++) {
    if (t >= text.length) return -1;
    const want = p.text.charAt(j);
    const got = text.charAt(t);
    if (want === ' ') {
      if (!isSpace(got.charCodeAt(0))) return -1;
      while (t < text.length && isSpace(text.charCodeAt(t))) t++;
      continue;
    }
    if (folded(got) !== folded(want)) return -1;
    const r = p.rule.charAt(j);
    if ((r === 'U' && !upper(got)) || (r === 'L' && !lower(got))) return -1;
    t++;
  }
  return t;
}

function aliasBoundaries(text: string, s: number, e: number): boolean {
  const before = charBefore(text, s);
  if (isWord(before)) return false;
  if ('\\@#=~$%'.includes(folded(before)) && before !== '') return false;
  if (folded(before) === '/' && inUrlToken(text, s, e)) return false;
  if ((folded(before) === '-' || folded(before) === '.') && isWord(charBefore(text, s - 1))) return false;
  const after = charAt(text, e);
  if (isWord(after)) return false;
  if (folded(after) === '@') return false;
  if (folded(after) === '/' && inUrlToken(text, s, e)) return false;
  if (folded(after) === '.' && isWord(charAt(text, e + 1))) return false;
  return true;
}

function contextBoundaries(text: string, s: number, e: number, prefix: boolean): boolean {
  return !isWord(charBefore(text, s)) && (prefix || !isWord(charAt(text, e)));
}

function occurrences(text: string, p: RefPattern, boundaries: (s: number, e: number) => boolean): [number, number][] {
  const found: [number, number][] = [];
  for (let s = 0; s < text.length; s++) {
    const e = matchAt(text, s, p);
    if (e >= 0 && boundaries(s, e)) found.push([s, e]);
  }
  return found;
}

/** Invisible code points are removed first; offsets map back to the original text. */
export function referenceFind(providers: readonly MatchableProvider[], original: string): Mention[] {
  const { text, at } = stripIgnorables(original);
  return findStripped(providers, text).map((m) => ({ ...m, start: at[m.start]!, end: at[m.end - 1]! + 1 }));
}

function findStripped(providers: readonly MatchableProvider[], text: string): Mention[] {
  interface Cand { order: number; id: string; start: number; end: number; weak: boolean }
  const cands: Cand[] = [];
  let order = 0;
  for (const provider of providers) {
    for (const alias of provider.aliases) {
      const p = aliasPattern(alias);
      if (!p) continue;
      const o = order++;
      for (const [s, e] of occurrences(text, p, (a, b) => aliasBoundaries(text, a, b))) cands.push({ order: o, id: provider.id, start: s, end: e, weak: false });
    }
    for (const weak of provider.weakAliases) {
      const p = aliasPattern(weak.term);
      const contexts = weak.context.map(contextPattern).filter((c): c is RefPattern => c !== null);
      if (!p || contexts.length === 0) continue;
      const o = order++;
      const hits = contexts.flatMap((c) => occurrences(text, c, (a, b) => contextBoundaries(text, a, b, c.prefix)));
      for (const [s, e] of occurrences(text, p, (a, b) => aliasBoundaries(text, a, b))) {
        if (hits.some(([cs, ce]) => ce >= s - WINDOW && cs <= e + WINDOW)) cands.push({ order: o, id: provider.id, start: s, end: e, weak: true });
      }
    }
  }
  cands.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const out: Mention[] = [];
  let reached = -1;
  for (const c of cands) {
    if (c.start < reached) continue;
    out.push({ id: c.id, start: c.start, end: c.end, weak: c.weak });
    reached = c.end;
  }
  return out;
}
