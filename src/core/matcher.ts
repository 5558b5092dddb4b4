// One Aho–Corasick automaton for every alias and context word of every
// provider. It runs over folded code units (case and accents folded 1:1, see
// normalize.ts), as a dense DFA over a compressed alphabet: one typed-array
// read per character. Boundaries, case rules and contexts are checked only
// at candidate matches, so their cost follows the matches, not the text.
import type { Provider } from '../data/schema';
import { foldCode, isLower, isUpper, isWordChar } from './normalize';

export interface Mention {
  id: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  weak: boolean;
}

export interface Matcher {
  find(text: string): Mention[];
  readonly patternCount: number;
}

export type MatchableProvider = Pick<Provider, 'id' | 'aliases' | 'weakAliases'>;

/** How far (in characters) a context word may stand from a weak alias. */
export const CONTEXT_WINDOW = 80;

const enum Kind {
  Strong = 0,
  Weak = 1,
  Context = 2,
}

const enum CaseRule {
  /** Short or all-capital names (AWS, OVH, GCP, STACKIT): exact case. */
  Exact = 0,
  /** Upper-case word initials of the alias must be upper-case in the text. */
  Initials = 1,
  /** Anything goes (context words). */
  Any = 2,
}

interface Pattern {
  kind: Kind;
  /** Provider index (strong/weak) or context-word index (context). */
  owner: number;
  /** For weak aliases: the context-word indices that make it count. */
  contexts: Int32Array | null;
  original: string;
  length: number;
  caseRule: CaseRule;
  /** Context word ending in `*`: a word prefix, no right boundary. */
  prefix: boolean;
}

function caseRuleOf(alias: string): CaseRule {
  let letters = 0;
  let lower = false;
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    if (isWordChar(c) && !(c >= 0x30 && c <= 0x39)) letters++;
    if (isLower(c)) lower = true;
  }
  return letters <= 4 || !lower ? CaseRule.Exact : CaseRule.Initials;
}

function caseMatches(p: Pattern, text: string, start: number): boolean {
  if (p.caseRule === CaseRule.Any) return true;
  const a = p.original;
  if (p.caseRule === CaseRule.Exact) {
    for (let i = 0; i < p.length; i++) {
      const t = text.charCodeAt(start + i);
      const c = a.charCodeAt(i);
      // Exact up to accents: fold both but keep the case of letters.
      if (t !== c && !(foldCode(t) === foldCode(c) && isUpper(t) === isUpper(c))) return false;
    }
    return true;
  }
  for (let i = 0; i < p.length; i++) {
    const c = a.charCodeAt(i);
    const initial = i === 0 || !isWordChar(a.charCodeAt(i - 1));
    if (initial && isUpper(c) && !isUpper(text.charCodeAt(start + i))) return false;
  }
  return true;
}

/** True when the match at [start, end) stands alone: not inside a word, URL or identifier. */
function boundariesOk(text: string, start: number, end: number, prefix: boolean): boolean {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isWordChar(b)) return false;
    // @ # = ~ $ % \ : handles, anchors, query strings, paths.
    if (b === 0x40 || b === 0x23 || b === 0x3d || b === 0x7e || b === 0x24 || b === 0x25 || b === 0x5c) return false;
    // "my-azure-app", "x.azure": part of an identifier or host name.
    if ((b === 0x2d || b === 0x2e) && start > 1 && isWordChar(text.charCodeAt(start - 2))) return false;
  }
  if (prefix) return true;
  if (end < text.length) {
    const a = text.charCodeAt(end);
    if (isWordChar(a) || a === 0x40) return false;
    // "azure.microsoft", "ovhcloud.com": a host name, not a mention in prose.
    if (a === 0x2e && end + 1 < text.length && isWordChar(text.charCodeAt(end + 1))) return false;
  }
  return true;
}

/** Folds a pattern; null when it is empty or cannot stand as a name. */
function foldPattern(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

interface Candidate {
  pattern: number;
  start: number;
  end: number;
}

export function compileMatcher(providers: readonly MatchableProvider[]): Matcher {
  const patterns: Pattern[] = [];
  const folded: string[] = [];
  const contextIndex = new Map<string, number>();

  const addContext = (raw: string): number => {
    const prefix = raw.trim().endsWith('*');
    const word = prefix ? raw.trim().slice(0, -1) : raw;
    const f = foldPattern(word);
    if (!f) return -1;
    const key = (prefix ? '*' : '') + f;
    let idx = contextIndex.get(key);
    if (idx === undefined) {
      idx = contextIndex.size;
      contextIndex.set(key, idx);
      patterns.push({ kind: Kind.Context, owner: idx, contexts: null, original: word.trim(), length: f.length, caseRule: CaseRule.Any, prefix });
      folded.push(f);
    }
    return idx;
  };

  providers.forEach((p, owner) => {
    for (const alias of p.aliases ?? []) {
      const f = foldPattern(alias);
      if (!f) continue;
      patterns.push({ kind: Kind.Strong, owner, contexts: null, original: alias.trim(), length: f.length, caseRule: caseRuleOf(alias.trim()), prefix: false });
      folded.push(f);
    }
    for (const weak of p.weakAliases ?? []) {
      const f = foldPattern(weak.term);
      if (!f) continue;
      const contexts = Int32Array.from(new Set((weak.context ?? []).map(addContext).filter((i) => i >= 0)));
      if (contexts.length === 0) continue;
      patterns.push({ kind: Kind.Weak, owner, contexts, original: weak.term.trim(), length: f.length, caseRule: caseRuleOf(weak.term.trim()), prefix: false });
      folded.push(f);
    }
  });

  const automaton = buildAutomaton(folded);
  const ids = providers.map((p) => p.id);
  const contextCount = contextIndex.size;
  const aliasCount = patterns.filter((p) => p.kind !== Kind.Context).length;

  return {
    patternCount: aliasCount,
    find(text: string): Mention[] {
      if (typeof text !== 'string' || text.length === 0 || aliasCount === 0) return [];
      const raw = automaton.scan(text);
      if (raw.length === 0) return [];
      const names: Candidate[] = [];
      // Context hits by word: sorted start positions (the scan emits in end order, close to start order).
      let contextHits: number[][] | null = null;
      for (let k = 0; k < raw.length; k += 2) {
        const pi = raw[k]!;
        const end = raw[k + 1]! + 1;
        const p = patterns[pi]!;
        const start = end - p.length;
        if (!boundariesOk(text, start, end, p.prefix) || !caseMatches(p, text, start)) continue;
        if (p.kind === Kind.Context) {
          contextHits ??= Array.from({ length: contextCount }, () => []);
          contextHits[p.owner]!.push(start, end);
        } else {
          names.push({ pattern: pi, start, end });
        }
      }
      const valid = names.filter((c) => {
        const p = patterns[c.pattern]!;
        return p.kind === Kind.Strong || (contextHits !== null && hasContext(p.contexts!, contextHits, c.start, c.end));
      });
      return leftmostLongest(valid).map((c) => {
        const p = patterns[c.pattern]!;
        return { id: ids[p.owner]!, start: c.start, end: c.end, weak: p.kind === Kind.Weak };
      });
    },
  };
}

function hasContext(contexts: Int32Array, hits: number[][], start: number, end: number): boolean {
  const lo = start - CONTEXT_WINDOW;
  const hi = end + CONTEXT_WINDOW;
  for (let i = 0; i < contexts.length; i++) {
    const list = hits[contexts[i]!]!;
    for (let k = 0; k < list.length; k += 2) {
      if (list[k]! < hi && list[k + 1]! > lo) return true;
    }
  }
  return false;
}

/** Earliest start first; at the same start the longest; then the earliest pattern (input order). */
function leftmostLongest(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern - b.pattern);
  const out: Candidate[] = [];
  let reached = -1;
  for (const c of cands) {
    if (c.start < reached) continue;
    out.push(c);
    reached = c.end;
  }
  return out;
}

interface Automaton {
  /** Flat [patternIndex, endIndex, …] of every occurrence in the folded text. */
  scan(text: string): number[];
}

/**
 * Dense DFA over an alphabet compressed to the code units the patterns use
 * (every other unit is class 0 and sends the automaton home).
 */
function buildAutomaton(folded: readonly string[]): Automaton {
  // Alphabet classes.
  const classOf = new Map<number, number>();
  for (const f of folded) for (let i = 0; i < f.length; i++) if (!classOf.has(f.charCodeAt(i))) classOf.set(f.charCodeAt(i), classOf.size + 1);
  const width = classOf.size + 1;
  // Raw code unit → class, for every unit that folds to a pattern unit.
  const classMap = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0x250 && !classOf.has(c) && c !== 0x2018 && c !== 0x2019 && c !== 0x02bc && c !== 0x2009 && c !== 0x202f && c !== 0x2007) continue;
    const cls = classOf.get(foldCode(c));
    if (cls) classMap[c] = cls;
  }

  // Trie.
  const goto: number[][] = [[]];
  const terminal: number[][] = [[]];
  folded.forEach((f, pi) => {
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const cls = classOf.get(f.charCodeAt(i))!;
      let next = goto[s]![cls];
      if (next === undefined) {
        next = goto.length;
        goto[s]![cls] = next;
        goto.push([]);
        terminal.push([]);
      }
      s = next;
    }
    terminal[s]!.push(pi);
  });

  // Failure links by BFS, filling the dense table as we go.
  const n = goto.length;
  const delta = new Int32Array(n * width);
  const fail = new Int32Array(n);
  const dictLink = new Int32Array(n).fill(-1);
  const hasOut = new Uint8Array(n);
  const queue: number[] = [];
  for (let cls = 1; cls < width; cls++) {
    const next = goto[0]![cls];
    if (next !== undefined) {
      delta[cls] = next;
      queue.push(next);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    dictLink[s] = terminal[f]!.length > 0 ? f : dictLink[f]!;
    hasOut[s] = terminal[s]!.length > 0 || dictLink[s]! >= 0 ? 1 : 0;
    for (let cls = 1; cls < width; cls++) {
      const next = goto[s]![cls];
      if (next !== undefined) {
        fail[next] = delta[f * width + cls]!;
        delta[s * width + cls] = next;
        queue.push(next);
      } else {
        delta[s * width + cls] = delta[f * width + cls]!;
      }
    }
  }
  const terminals = terminal.map((t) => Int32Array.from(t));

  return {
    scan(text: string): number[] {
      const out: number[] = [];
      let s = 0;
      for (let i = 0, len = text.length; i < len; i++) {
        s = delta[s * width + classMap[text.charCodeAt(i)]!]!;
        if (hasOut[s] === 1) {
          for (let t = s; t >= 0; t = dictLink[t]!) {
            const list = terminals[t]!;
            for (let k = 0; k < list.length; k++) out.push(list[k]!, i);
          }
        }
      }
      return out;
    },
  };
}

/** Distinct provider ids, in order of first mention. */
export function mentionsToIds(mentions: readonly Mention[]): string[] {
  return [...new Set(mentions.map((m) => m.id))];
}

/** The text around a mention, whitespace collapsed, cut at word boundaries, "…" where cut. */
export function snippetAround(text: string, mention: Pick<Mention, 'start' | 'end'>, radius = 60): string {
  let from = Math.max(0, mention.start - radius);
  let to = Math.min(text.length, mention.end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < mention.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > mention.end) to = space;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return (from > 0 ? '…' : '') + body + (to < text.length ? '…' : '');
}
