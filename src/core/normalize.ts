// Folding of UTF-16 code units for matching and lookups. Case, accents and
// look-alike punctuation are folded one code unit to one code unit, so an
// offset in folded text is the same offset in the original text. The tables
// are built once, lazily, and the hot path is one typed-array read.

/** What every kind of space folds to. */
export const SPACE = 0x20;

let foldTable: Uint16Array | undefined;
let foldedUnits: Uint16Array | undefined;

/** Scripts whose case and accents are folded: Latin (incl. Vietnamese), Greek, Cyrillic. */
const FOLDED_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x0370, 0x052f],
  [0x1e00, 0x1eff],
];

const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const APOSTROPHES = [0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0xff07];
const HYPHENS = [0x2010, 0x2011];

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  const moved: number[] = [];
  const set = (c: number, to: number) => {
    if (to === c) return;
    t[c] = to;
    moved.push(c);
  };
  for (let c = 0x41; c <= 0x5a; c++) set(c, c + 0x20);
  for (const [from, to] of FOLDED_RANGES) {
    for (let c = from; c <= to; c++) {
      // NFD splits "é" into "e" + U+0301: keep the base letter, lower-cased.
      const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
      if (base.length === 1) set(c, base.charCodeAt(0));
    }
  }
  set(0x131, 0x69); // dotless ı reads as i
  // Full-width Latin (CJK pages): Ａ→a, ０→0.
  for (let c = 0xff21; c <= 0xff3a; c++) set(c, c - 0xff21 + 0x61);
  for (let c = 0xff41; c <= 0xff5a; c++) set(c, c - 0xff41 + 0x61);
  for (let c = 0xff10; c <= 0xff19; c++) set(c, c - 0xff10 + 0x30);
  for (const c of SPACES) set(c, SPACE);
  for (let c = 0x2000; c <= 0x200a; c++) set(c, SPACE);
  for (const c of APOSTROPHES) set(c, 0x27);
  for (const c of HYPHENS) set(c, 0x2d);
  foldedUnits = Uint16Array.from(moved);
  return t;
}

/** The code units that fold to another unit (a few thousand): every other unit folds to itself. */
export function foldedUnitsOf(): Uint16Array {
  foldTable ??= buildFoldTable();
  return foldedUnits!;
}

/** The fold table itself, for hot loops that cannot afford a call per character. */
export function foldTableOf(): Uint16Array {
  return (foldTable ??= buildFoldTable());
}

/** Folds one UTF-16 code unit: lower case, no accent, one kind of space, apostrophe and hyphen. */
export function foldChar(c: number): number {
  return (foldTable ??= buildFoldTable())[c & 0xffff]!;
}

/** Folds a whole string; the result has exactly the length of the input. */
export function foldText(text: string): string {
  const t = (foldTable ??= buildFoldTable());
  const CHUNK = 8192; // String.fromCharCode.apply has an argument limit
  const buf = new Uint16Array(Math.min(CHUNK, text.length));
  let out = '';
  for (let from = 0; from < text.length; from += CHUNK) {
    const n = Math.min(CHUNK, text.length - from);
    for (let i = 0; i < n; i++) buf[i] = t[text.charCodeAt(from + i)]!;
    out += String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  }
  return out;
}

let wordTable: Int8Array | undefined;
// Combining marks continue a word ("Azure\u0301"); variation selectors only dress emoji ("☁️Azure").
const WORD = /^(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{L}\p{N}\p{M}_]$/u;

/** Letters (accented and non-Latin), digits, combining marks (not variation selectors) and `_`: what a name cannot touch. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  if (c > 0xffff) return WORD.test(String.fromCodePoint(c));
  // A lone surrogate is not a letter; pairs are handled by wordBefore/wordAfter.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  wordTable ??= new Int8Array(0x10000);
  let v = wordTable[c]!;
  if (v === 0) {
    v = WORD.test(String.fromCharCode(c)) ? 1 : -1;
    wordTable[c] = v;
  }
  return v === 1;
}

/** Is the character just before `pos` a word character (astral letters included)? */
export function wordBefore(text: string, pos: number): boolean {
  if (pos <= 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
    const hi = text.charCodeAt(pos - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return isWordChar(((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return isWordChar(c);
}

/** Is the character at `pos` a word character (astral letters included)? */
export function wordAfter(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length) {
    const lo = text.charCodeAt(pos + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return isWordChar(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return isWordChar(c);
}

export function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

export function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

// Default-ignorable code points: invisible, so a person reads "Hetz\u00ADner"
// (soft hyphen), "Scale\u200Bway" (zero-width space) or "OVH\u2060cloud" (word
// joiner) as the name. Also zero-width (non-)joiners, bidi marks and controls,
// variation selectors, the BOM, Hangul fillers and tag characters.
const IGNORABLE_SOURCE = '[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E0FFF}]';
const IGNORABLE = new RegExp(IGNORABLE_SOURCE, 'u');

/** Does the text hold a default-ignorable code point? */
export function hasIgnorable(text: string): boolean {
  return IGNORABLE.test(text);
}

/** The text without its default-ignorable code points. */
export function removeIgnorables(text: string): string {
  return IGNORABLE.test(text) ? text.replace(new RegExp(IGNORABLE_SOURCE, 'gu'), '') : text;
}

/**
 * The text without default-ignorable code points, and for each UTF-16 unit of
 * the result the offset of that unit in `text` (to map matches back).
 */
export function stripIgnorables(text: string): { text: string; at: Int32Array } {
  const re = new RegExp(IGNORABLE_SOURCE, 'gu');
  const at = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let from = 0;
  const keep = (to: number) => {
    for (let i = from; i < to; i++) at[n++] = i;
    parts.push(text.slice(from, to));
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    keep(m.index);
    from = m.index + m[0].length;
  }
  keep(text.length);
  return { text: parts.join(''), at: at.subarray(0, n) };
}

/** Every Unicode space and line separator, U+0085 included (which `\s` is not). */
const SPACE_RUNS = /[\s\u0085]+/g;

/** The text as a person reads it on one line: no invisible code points, each run of spaces or line breaks as one space. */
export function readableText(text: string): string {
  return removeIgnorables(text).replace(SPACE_RUNS, ' ').trim();
}

/** A name inside first-strong isolates (U+2068…U+2069): a bidi control in it cannot reorder the sentence around it. */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}
