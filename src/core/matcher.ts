// One Aho–Corasick automaton for every alias and context word of every
// provider. It runs over folded code units (case and accents folded 1:1, see
// normalize.ts) as a DFA over a compressed alphabet: a few typed-array reads
// per character, no allocation, no folded copy of the text. Boundaries, case
// rules and contexts are checked only at candidate matches, so their cost
// follows the matches, not the text. Runs of whitespace read as one space
// ("Microsoft\n  Azure"), so offsets still point into the original text.
import type { Provider } from '../data/schema';
import { SPACE, foldTableOf, foldedUnitsOf, hasIgnorable, isLower, isUpper, isWordChar, readableText, removeIgnorables, stripIgnorables, wordAfter, wordBefore } from './normalize';
import { inUrlToken } from './url-token';

export interface Mention {
  id: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Found through a weak alias (and one of its context words). */
  weak: boolean;
}

export interface Matcher {
  find(text: string): Mention[];
  /** Aliases compiled (strong, plus weak ones that have a usable context). */
  readonly patternCount: number;
}

export type MatchableProvider = Pick<Provider, 'id' | 'aliases' | 'weakAliases'>;

/** How far (in UTF-16 units) a context word may stand from a weak alias. */
export const CONTEXT_WINDOW = 80;

const STRONG = 0;
const WEAK = 1;
const CONTEXT = 2;

/** Case requirement per folded unit of a pattern. */
const FREE = 0;
const UPPER = 1;
const LOWER = 2;

interface Pattern {
  kind: number;
  /** Provider index (strong/weak) or context index (context). */
  owner: number;
  folded: string;
  /** FREE/UPPER/LOWER per unit; null when case does not matter. */
  caseReq: Uint8Array | null;
  /** Weak aliases: the context indices that make them count. */
  contexts: Int32Array | null;
  /** Context word given as `héberg*`: a word prefix, no right boundary. */
  prefix: boolean;
}

const LETTER = /\p{L}/u;

/**
 * Trims, collapses runs of whitespace to one space and folds. Returns the
 * original units and their folds, aligned; null for text that cannot be a
 * name (not a string, or not a single word character).
 */
function prepare(input: unknown): { original: string; folded: string } | null {
  if (typeof input !== 'string') return null;
  const raw = removeIgnorables(input);
  const fold = foldTableOf();
  let original = '';
  let folded = '';
  let pendingSpace = false;
  let word = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const f = fold[c]!;
    if (f === SPACE) {
      pendingSpace = original.length > 0;
      continue;
    }
    if (pendingSpace) {
      original += ' ';
      folded += ' ';
      pendingSpace = false;
    }
    original += raw.charAt(i);
    folded += String.fromCharCode(f);
    if (isWordChar(c)) word = true;
  }
  return word ? { original, folded } : null;
}

/**
 * Short or all-capital names (AWS, OVH, S3NS, STACKIT) match with their exact
 * case; other names need only their upper-case word initials ("Clever Cloud"
 * not "clever cloud", but "CLEVER CLOUD" and "kdrive" for "kDrive").
 */
function caseRequirements(original: string): Uint8Array {
  let letters = 0;
  let hasLower = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : LETTER.test(original.charAt(i))) letters++;
    if (isLower(c)) hasLower = true;
  }
  const exact = letters <= 4 || !hasLower;
  const req = new Uint8Array(original.length);
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (exact) req[i] = isUpper(c) ? UPPER : isLower(c) ? LOWER : FREE;
    else if (isUpper(c) && (i === 0 || !isWordChar(original.charCodeAt(i - 1)))) req[i] = UPPER;
  }
  return req;
}

/** Characters before a name that make it part of a path, handle, anchor, query or identifier. */
function badBefore(f: number): boolean {
  // \ @ # = ~ $ %  (a slash is judged by the token around it)
  return f === 0x5c || f === 0x40 || f === 0x23 || f === 0x3d || f === 0x7e || f === 0x24 || f === 0x25;
}

/** A name must stand alone: not inside a word, URL, file path or identifier. */
function aliasBoundaries(text: string, fold: Uint16Array, start: number, end: number): boolean {
  let slash = false;
  if (start > 0) {
    if (wordBefore(text, start)) return false;
    const b = fold[text.charCodeAt(start - 1)]!;
    if (badBefore(b)) return false;
    // "my-azure-app", "x.azure": an identifier or a host name.
    if ((b === 0x2d || b === 0x2e) && wordBefore(text, start - 1)) return false;
    slash = b === 0x2f;
  }
  if (end < text.length) {
    if (wordAfter(text, end)) return false;
    const a = fold[text.charCodeAt(end)]!;
    if (a === 0x40) return false;
    slash ||= a === 0x2f;
    // "azure.microsoft.com": a host name. A full stop before a space is fine.
    if (a === 0x2e && wordAfter(text, end + 1)) return false;
  }
  // A slash on either side: prose ("AWS/Azure") or an address ("github.com/Azure")? Read the token once.
  return !(slash && inUrlToken(text, start, end));
}

/** Context words only need plain word boundaries (and none on the right for `word*`). */
function contextBoundaries(text: string, start: number, end: number, prefix: boolean): boolean {
  return !wordBefore(text, start) && (prefix || !wordAfter(text, end));
}

/**
 * Walks the pattern backwards from `end` (whitespace runs in the text match
 * one space) checking the case rule; returns the start, or -1.
 */
function locate(text: string, fold: Uint16Array, p: Pattern, end: number): number {
  const f = p.folded;
  const req = p.caseReq;
  let t = end - 1;
  for (let j = f.length - 1; j >= 0; j--, t--) {
    if (t < 0) return -1;
    const x = text.charCodeAt(t);
    const fx = fold[x]!;
    if (fx !== f.charCodeAt(j)) return -1;
    if (fx === SPACE) {
      while (t > 0 && fold[text.charCodeAt(t - 1)] === SPACE) t--;
    } else if (req !== null) {
      const r = req[j]!;
      if ((r === UPPER && !isUpper(x)) || (r === LOWER && !isLower(x))) return -1;
    }
  }
  return t + 1;
}

/** Dense rows are kept for the states nearest the root, up to this many cells (4 MB). */
const DENSE_CELLS = 1 << 20;

/**
 * A DFA over a compressed alphabet. A state is a number: `row ≥ 0` is a dense
 * state (the offset of its row in `delta`), `-id < 0` a deep state, stored
 * sparsely (its trie children, then its failure link). Text rarely goes deep,
 * so scanning costs the same as a fully dense table while memory stays
 * proportional to the aliases when there are thousands of them.
 */
interface Automaton {
  /** Raw code unit → alphabet class (0: in no pattern). */
  classMap: Uint16Array;
  spaceClass: number;
  /** Rows of `width` cells: the next state per class; the last cell is 1 + an offset into `outputs`, or 0. */
  delta: Int32Array;
  width: number;
  /** Deep states (by id): children in CSR form, failure link (id), outputs, whether they end in a space. */
  kidStart: Int32Array;
  kidClass: Uint16Array;
  kidNext: Int32Array;
  fail: Int32Array;
  outAt: Int32Array;
  endsInSpace: Uint8Array;
  /** Number of dense states (ids below it are dense). */
  dense: number;
  /** Pattern indices, each list ended by -1 (own patterns and those of dictionary links). */
  outputs: Int32Array;
}

function buildAutomaton(folded: readonly string[], denseCells: number): Automaton {
  const fold = foldTableOf();
  const classOf = new Uint16Array(0x10000);
  // Class 1 is always the space, so it never shares a class (see below).
  classOf[SPACE] = 1;
  let classes = 2;
  const units: number[] = [SPACE];
  for (const f of folded) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      // Past 65,534 distinct units the rest share one class: the automaton then
      // finds a superset of the matches, and locate() rejects the false ones.
      if (classOf[c] === 0) {
        classOf[c] = Math.min(classes++, 0xffff);
        units.push(c);
      }
    }
  }
  classes = Math.min(classes, 0x10000);
  // Folded units fold to themselves, so only they and the units that fold away need a class.
  const classMap = new Uint16Array(0x10000);
  for (const u of units) classMap[u] = classOf[u]!;
  for (const c of foldedUnitsOf()) classMap[c] = classOf[fold[c]!]!;
  const spaceClass = 1;
  const width = classes + 1; // the extra cell holds the output offset
  const out = width - 1;

  // Trie (creation ids), edges keyed by state * width + class.
  const edge = new Map<number, number>();
  const kids: number[][] = [[]];
  const terminal: number[][] = [[]];
  const last: number[] = [0];
  folded.forEach((f, pi) => {
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const cls = classOf[f.charCodeAt(i)]!;
      let next = edge.get(s * width + cls);
      if (next === undefined) {
        next = kids.length;
        edge.set(s * width + cls, next);
        kids[s]!.push(cls, next);
        kids.push([]);
        terminal.push([]);
        last.push(cls);
      }
      s = next;
    }
    terminal[s]!.push(pi);
  });
  const n = kids.length;

  // Breadth-first order (the new ids), failure links and output lists.
  const order = new Int32Array(n);
  const id = new Int32Array(n);
  const failOld = new Int32Array(n);
  const lists: number[][] = new Array(n);
  lists[0] = [];
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    id[s] = head;
    if (s !== 0) {
      const f = failOld[s]!;
      lists[s] = terminal[s]!.length > 0 ? terminal[s]!.concat(lists[f]!) : lists[f]!;
    }
    const k = kids[s]!;
    for (let j = 0; j < k.length; j += 2) {
      const cls = k[j]!;
      const child = k[j + 1]!;
      order[tail++] = child;
      if (s === 0) continue;
      let f = failOld[s]!;
      while (f !== 0 && !edge.has(f * width + cls)) f = failOld[f]!;
      failOld[child] = edge.get(f * width + cls) ?? 0;
    }
  }

  const dense = Math.max(1, Math.min(n, Math.floor(denseCells / width)));
  const encode = (old: number) => (id[old]! < dense ? id[old]! * width : -id[old]!);
  const flat: number[] = [];
  const outputOf = (old: number) => {
    const list = lists[old]!;
    if (list.length === 0) return 0;
    flat.push(...list, -1);
    return flat.length - list.length;
  };

  // Dense rows: a copy of the failure state's row (shallower, already filled), then the state's own children.
  const delta = new Int32Array(dense * width);
  for (let d = 0; d < dense; d++) {
    const s = order[d]!;
    const row = d * width;
    if (s !== 0) {
      const f = id[failOld[s]!]! * width;
      delta.copyWithin(row, f, f + out);
    }
    const k = kids[s]!;
    for (let j = 0; j < k.length; j += 2) delta[row + k[j]!] = encode(k[j + 1]!);
    // After a space, more spaces change nothing: whitespace runs read as one space.
    if (s !== 0 && last[s] === spaceClass) delta[row + spaceClass] = row;
    delta[row + out] = outputOf(s);
  }

  // Deep states, sparse.
  const kidStart = new Int32Array(n + 1);
  const kidClass = new Uint16Array(Math.max(0, n - 1));
  const kidNext = new Int32Array(Math.max(0, n - 1));
  const fail = new Int32Array(n);
  const outAt = new Int32Array(n);
  const endsInSpace = new Uint8Array(n);
  let e = 0;
  for (let d = 0; d < n; d++) {
    const s = order[d]!;
    kidStart[d] = e;
    if (d < dense) continue;
    const k = kids[s]!;
    for (let j = 0; j < k.length; j += 2) {
      kidClass[e] = k[j]!;
      kidNext[e++] = encode(k[j + 1]!);
    }
    fail[d] = id[failOld[s]!]!;
    outAt[d] = outputOf(s);
    endsInSpace[d] = last[s] === spaceClass ? 1 : 0;
  }
  kidStart[n] = e;
  return { classMap, spaceClass, delta, width, kidStart, kidClass, kidNext, fail, outAt, endsInSpace, dense, outputs: Int32Array.from(flat) };
}

/** The transition from deep state `d` on class `cls` (encoded state). */
function deepStep(a: Automaton, d: number, cls: number): number {
  if (cls === 0) return 0;
  if (cls === a.spaceClass && a.endsInSpace[d] === 1) return -d;
  for (;;) {
    for (let k = a.kidStart[d]!, end = a.kidStart[d + 1]!; k < end; k++) if (a.kidClass[k] === cls) return a.kidNext[k]!;
    d = a.fail[d]!;
    if (d < a.dense) return a.delta[d * a.width + cls]!;
  }
}

interface Scan {
  text: string;
  /** Flat [pattern, start, end, …] of alias candidates, in end order. */
  names: number[];
  /** Per context index: flat [start, end, …] in end order. */
  contextHits: (number[] | undefined)[];
}

export interface MatcherOptions {
  /** Memory budget of the dense part of the automaton, in cells (tests lower it to exercise the sparse part). */
  denseCells?: number;
}

export function compileMatcher(providers: readonly MatchableProvider[], options: MatcherOptions = {}): Matcher {
  const patterns: Pattern[] = [];
  const contextIndex = new Map<string, number>();

  const addContext = (raw: unknown): number => {
    if (typeof raw !== 'string') return -1;
    let word = raw.trim();
    const prefix = word.endsWith('*');
    if (prefix) word = word.replace(/\*+$/, '');
    const p = prepare(word);
    if (!p) return -1;
    const key = (prefix ? '*' : ' ') + p.folded;
    let idx = contextIndex.get(key);
    if (idx === undefined) {
      idx = contextIndex.size;
      contextIndex.set(key, idx);
      patterns.push({ kind: CONTEXT, owner: idx, folded: p.folded, caseReq: null, contexts: null, prefix });
    }
    return idx;
  };

  const list = Array.isArray(providers) ? providers : [];
  list.forEach((provider, owner) => {
    const aliases: readonly unknown[] = Array.isArray(provider?.aliases) ? provider.aliases : [];
    for (const alias of aliases) {
      const p = prepare(alias);
      if (p) patterns.push({ kind: STRONG, owner, folded: p.folded, caseReq: caseRequirements(p.original), contexts: null, prefix: false });
    }
    const weak: readonly MatchableProvider['weakAliases'][number][] = Array.isArray(provider?.weakAliases) ? provider.weakAliases : [];
    for (const w of weak) {
      const p = prepare(w?.term);
      if (!p) continue;
      const ctx: readonly unknown[] = Array.isArray(w.context) ? w.context : [];
      const contexts = Int32Array.from(new Set(ctx.map(addContext).filter((i) => i >= 0)));
      // Without a usable context word a weak alias can never count.
      if (contexts.length === 0) continue;
      patterns.push({ kind: WEAK, owner, folded: p.folded, caseReq: caseRequirements(p.original), contexts, prefix: false });
    }
  });

  const ids = list.map((p) => String(p?.id));
  const patternCount = patterns.filter((p) => p.kind !== CONTEXT).length;
  const automaton = buildAutomaton(patterns.map((p) => p.folded), options.denseCells ?? DENSE_CELLS);
  const fold = foldTableOf();

  /** Checks every pattern that ends at `end` and records those that hold. */
  function emit(scan: Scan, offset: number, end: number): void {
    const { outputs } = automaton;
    const text = scan.text;
    for (let k = offset; outputs[k]! >= 0; k++) {
      const pi = outputs[k]!;
      const p = patterns[pi]!;
      const start = locate(text, fold, p, end);
      if (start < 0) continue;
      if (p.kind === CONTEXT) {
        if (!contextBoundaries(text, start, end, p.prefix)) continue;
        (scan.contextHits[p.owner] ??= []).push(start, end);
      } else if (aliasBoundaries(text, fold, start, end)) {
        scan.names.push(pi, start, end);
      }
    }
  }

  return {
    patternCount,
    find(text: string): Mention[] {
      if (typeof text !== 'string' || text.length === 0 || patternCount === 0) return [];
      if (!hasIgnorable(text)) return findIn(text);
      // Invisible code points are removed before matching; offsets map back to `text`.
      const stripped = stripIgnorables(text);
      const at = stripped.at;
      return findIn(stripped.text).map((m) => ({ ...m, start: at[m.start]!, end: at[m.end - 1]! + 1 }));
    },
  };

  function findIn(text: string): Mention[] {
    {
      const a = automaton;
      const { classMap, delta, outAt } = a;
      const out = a.width - 1;
      const scan: Scan = { text, names: [], contextHits: [] };
      let s = 0;
      for (let i = 0, len = text.length; i < len; i++) {
        const cls = classMap[text.charCodeAt(i)]!;
        s = s >= 0 ? delta[s + cls]! : deepStep(a, -s, cls);
        const o = s >= 0 ? delta[s + out]! : outAt[-s]!;
        if (o !== 0) emit(scan, o - 1, i + 1);
      }
      return resolve(scan);
    }
  }

  function resolve(scan: Scan): Mention[] {
    const names = scan.names;
    if (names.length === 0) return [];
    // Weak aliases without a context word near them are dropped first.
    const valid: number[] = [];
    for (let k = 0; k < names.length; k += 3) {
      const p = patterns[names[k]!]!;
      if (p.kind === STRONG || hasContext(p.contexts!, scan.contextHits, names[k + 1]!, names[k + 2]!)) valid.push(k);
    }
    // Leftmost, then longest, then first pattern (input order: custom providers first).
    valid.sort((a, b) => names[a + 1]! - names[b + 1]! || names[b + 2]! - names[a + 2]! || names[a]! - names[b]!);
    const mentions: Mention[] = [];
    let reached = -1;
    for (const k of valid) {
      const start = names[k + 1]!;
      if (start < reached) continue;
      const p = patterns[names[k]!]!;
      reached = names[k + 2]!;
      mentions.push({ id: ids[p.owner]!, start, end: reached, weak: p.kind === WEAK });
    }
    return mentions;
  }
}

/** Is one of these context words within CONTEXT_WINDOW of [start, end)? Binary search per word. */
function hasContext(contexts: Int32Array, hits: (number[] | undefined)[], start: number, end: number): boolean {
  const lo = start - CONTEXT_WINDOW;
  const hi = end + CONTEXT_WINDOW;
  for (let c = 0; c < contexts.length; c++) {
    const list = hits[contexts[c]!];
    if (!list) continue;
    // First hit whose end reaches the window (ends ascend, and so do starts).
    let a = 0;
    let b = list.length / 2;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (list[2 * m + 1]! < lo) a = m + 1;
      else b = m;
    }
    if (a < list.length / 2 && list[2 * a]! <= hi) return true;
  }
  return false;
}

/** Distinct provider ids, in order of first mention. */
export function mentionsToIds(mentions: readonly Mention[]): string[] {
  return [...new Set(mentions.map((m) => m.id))];
}

const WS = /[\s\u0085]/;
/** Snippet body limit (the message schema allows 400 characters, ellipses included). */
const MAX_SNIPPET = 380;

/** The text around a mention, whitespace collapsed, cut at word boundaries, "…" where cut. */
export function snippetAround(text: string, mention: Pick<Mention, 'start' | 'end'>, radius = 60): string {
  const len = text.length;
  const start = Math.min(Math.max(0, mention.start | 0), len);
  const end = Math.min(Math.max(start, mention.end | 0), len);
  const r = Math.max(0, radius | 0);
  let from = Math.max(0, start - r);
  let to = Math.min(len, end + r);
  // Cut after a space rather than inside a word, when there is one before the mention.
  if (from > 0 && !WS.test(text.charAt(from - 1))) {
    for (let i = from; i < start; i++) {
      if (WS.test(text.charAt(i))) {
        from = i + 1;
        break;
      }
    }
  }
  if (to < len && !WS.test(text.charAt(to))) {
    for (let i = to - 1; i > end; i--) {
      if (WS.test(text.charAt(i))) {
        to = i;
        break;
      }
    }
  }
  // Never split a surrogate pair.
  if (from > 0 && from < len && (text.charCodeAt(from) & 0xfc00) === 0xdc00) from++;
  if (to < len && to > 0 && (text.charCodeAt(to) & 0xfc00) === 0xdc00) to--;
  let body = readableText(text.slice(from, to));
  let cutEnd = to < len;
  // A mention with long invisible or space runs inside still gives a short snippet.
  if (body.length > MAX_SNIPPET) {
    let cut = MAX_SNIPPET;
    if ((body.charCodeAt(cut) & 0xfc00) === 0xdc00) cut--;
    body = body.slice(0, cut);
    cutEnd = true;
  }
  return (from > 0 ? '…' : '') + body + (cutEnd ? '…' : '');
}
