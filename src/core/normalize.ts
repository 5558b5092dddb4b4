// Folding of UTF-16 code units for matching: case and Latin accents are
// folded one code unit to one code unit, so offsets in the folded text are
// offsets in the original text. Tables are small and built once.

const LATIN_END = 0x250; // Latin-1 Supplement and Latin Extended-A/B
let foldTable: Uint16Array | undefined;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(LATIN_END);
  for (let c = 0; c < LATIN_END; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    table[c] = base.length === 1 ? base.charCodeAt(0) : c;
  }
  // Whitespace of any kind reads as one space ("Microsoft\u00a0Azure").
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0]) table[c] = 0x20;
  return table;
}

/** Folds one UTF-16 code unit: lower case, no accent, one kind of space and apostrophe. */
export function foldCode(c: number): number {
  if (c < LATIN_END) return (foldTable ??= buildFoldTable())[c]!;
  switch (c) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x02bc: // ʼ
      return 0x27;
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space (French typography)
    case 0x2007:
      return 0x20;
    default:
      return c;
  }
}

export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

let wordTable: Int8Array | undefined;
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Letters (accented and non-Latin), digits, combining marks and `_`: what a name cannot touch. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  // Surrogates (emoji and rare scripts) count as boundaries.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  wordTable ??= new Int8Array(0x10000);
  let v = wordTable[c]!;
  if (v === 0) {
    v = WORD.test(String.fromCharCode(c)) ? 1 : -1;
    wordTable[c] = v;
  }
  return v === 1;
}

export function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
