// The locales: fr has exactly en's keys and placeholders, every key has a
// description, every message uses only its declared placeholders, and every
// key the sources pass to t() (or the manifest names) exists in en, with as
// many substitutions as the message has placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Entry>;

const root = fileURLToPath(new URL('../..', import.meta.url));
const load = (lang: string): Messages => JSON.parse(readFileSync(join(root, '_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const fr = load('fr');

const placeholdersOf = (e: Entry) =>
  Object.entries(e.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
const usedIn = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** Skips a string literal starting at `i` (quote at i); returns the index after it. */
function skipString(src: string, i: number): number {
  const quote = src[i];
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === quote) return j + 1;
  }
  return src.length;
}

/** Number of elements of the array literal starting at `i` (a "["), or null when not an array literal. */
function arrayLength(src: string, i: number): number | null {
  if (src[i] !== '[') return null;
  let depth = 0;
  let commas = 0;
  let empty = true;
  for (let j = i; j < src.length; ) {
    const c = src[j]!;
    if (c === "'" || c === '"' || c === '`') {
      j = skipString(src, j);
      empty = false;
      continue;
    }
    if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') {
      depth--;
      if (depth === 0) return empty ? 0 : commas + 1;
    } else if (c === ',' && depth === 1) commas++;
    else if (depth >= 1 && !/\s/.test(c)) empty = false;
    j++;
  }
  return null;
}

interface Call {
  file: string;
  key: string;
  /** Number of substitutions, null when not a literal array (not checked). */
  subs: number | null;
}

/** Every `t('key'…)` call with a literal key in the sources (both branches of a `?:` count too). */
function calls(): Call[] {
  const found: Call[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?<![\w.$])t\(\s*(['"])([A-Za-z0-9_@]+)\1\s*(\)|,\s*)/g)) {
      const after = m.index + m[0].length;
      const subs = m[3] === ')' ? 0 : src[after] === '[' ? arrayLength(src, after) : null;
      found.push({ file: file.slice(root.length), key: m[2]!, subs });
    }
    for (const m of src.matchAll(/(?<![\w.$])t\(\s*[^'"(),]+\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)) {
      found.push({ file: file.slice(root.length), key: m[1]!, subs: null }, { file: file.slice(root.length), key: m[2]!, subs: null });
    }
  }
  return found;
}

describe('locales', () => {
  it('fr has exactly the keys of en', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key has a valid name and a description, in both files', () => {
    for (const [lang, messages] of [['en', en], ['fr', fr]] as const) {
      for (const [key, entry] of Object.entries(messages)) {
        expect(key, `${lang}: key name`).toMatch(/^[A-Za-z0-9_]+$/);
        expect(typeof entry.message, `${lang}.${key}.message`).toBe('string');
        expect(entry.message.trim(), `${lang}.${key}.message`).not.toBe('');
        expect(entry.description?.trim(), `${lang}.${key}.description`).toBeTruthy();
      }
    }
  });

  it('fr has the same placeholders as en', () => {
    for (const key of Object.keys(en)) {
      expect(placeholdersOf(fr[key]!), key).toEqual(placeholdersOf(en[key]!));
    }
  });

  it('each message uses exactly its declared placeholders ($NAME$), never a stray $', () => {
    for (const [lang, messages] of [['en', en], ['fr', fr]] as const) {
      for (const [key, entry] of Object.entries(messages)) {
        const declared = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
        expect(usedIn(entry.message), `${lang}.${key}`).toEqual(declared);
        for (const p of Object.values(entry.placeholders ?? {})) expect(p.content, `${lang}.${key}`).toMatch(/^\$\d$/);
        const rest = entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, '');
        expect(rest.includes('$'), `${lang}.${key}: stray $`).toBe(false);
      }
    }
  });
});

describe('keys used by the code', () => {
  const used = calls();

  it('counts the elements of literal arrays (the scanner itself)', () => {
    expect(arrayLength('[x, f(y, z)]', 0)).toBe(2);
    expect(arrayLength("[formatList(a.map((n) => t('c')), lang)]", 0)).toBe(1);
    expect(arrayLength("['x, y', `${a}`, [1, 2]]", 0)).toBe(3);
    expect(arrayLength('[ ]', 0)).toBe(0);
    expect(arrayLength('subs', 0)).toBeNull();
  });

  it('finds the calls (sanity check of the scan)', () => {
    expect(used.length).toBeGreaterThan(100);
    expect(used.some((c) => c.key === 'verdictLabel' && c.subs === 1)).toBe(true);
  });

  it('every t() key exists in en', () => {
    const missing = used.filter((c) => !Object.hasOwn(en, c.key)).map((c) => `${c.file}: ${c.key}`);
    expect(missing).toEqual([]);
  });

  it('every t() call passes as many substitutions as the message has placeholders', () => {
    const wrong = used
      .filter((c) => c.subs !== null && Object.hasOwn(en, c.key))
      .filter((c) => c.subs !== Object.keys(en[c.key]!.placeholders ?? {}).length)
      .map((c) => `${c.file}: ${c.key} gets ${c.subs}, needs ${Object.keys(en[c.key]!.placeholders ?? {}).length}`);
    expect(wrong).toEqual([]);
  });

  it('every __MSG_key__ of the manifest exists in en', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !Object.hasOwn(en, k))).toEqual([]);
  });
});
