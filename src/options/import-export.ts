// Export and import of custom providers: pure functions (no DOM, no browser),
// unit-tested. Import never trusts the file: size first, then JSON.parse in a
// try/catch, then the one schema. Problems say which entry and which field.
import * as v from 'valibot';
import { EXPORT_FORMAT, ProvidersFileSchema, type Provider, type ProvidersFile } from '../data/schema';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_PROVIDERS = 10_000;
/** At most this many problems are listed (the first ones, in file order). */
export const MAX_PROBLEMS = 20;

/** Keys that must never appear in an imported object (prototype pollution). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'json'; detail: string }
  | { kind: 'not-object' }
  | { kind: 'format'; found: string }
  | { kind: 'version'; found: string }
  | { kind: 'too-many'; count: number }
  | { kind: 'forbidden-key'; key: string; path: string }
  | { kind: 'duplicate-id'; id: string; entries: number[] }
  /** `entry` is 1-based, as a person counts; `field` is a dot path inside the entry ("" = the entry itself). */
  | { kind: 'entry'; entry: number; id: string | null; field: string; message: string }
  | { kind: 'file'; field: string; message: string };

export type ImportResult = { ok: true; providers: Provider[] } | { ok: false; problems: ImportProblem[] };

export function exportFile(providers: readonly Provider[]): ProvidersFile {
  return { format: EXPORT_FORMAT, version: 1, providers: [...providers] };
}

export function exportJson(providers: readonly Provider[]): string {
  return `${JSON.stringify(exportFile(providers), null, 2)}\n`;
}

/** "sovereignty-lens-providers-2025-06-01.json" */
export function exportFileName(today: string): string {
  return `sovereignty-lens-providers-${today}.json`;
}

/** Checked on the File before reading it. */
export function checkImportSize(bytes: number): ImportProblem | null {
  return bytes > MAX_IMPORT_BYTES ? { kind: 'too-large', bytes } : null;
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // Too deeply nested to print (stack overflow): say what it is instead.
    return Array.isArray(value) ? 'a list' : 'an object';
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Finds a forbidden key anywhere in a parsed JSON value (iterative: no stack overflow on deep input). */
function findForbiddenKey(root: unknown): { key: string; path: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { key, path: childPath };
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath });
    }
  }
  return null;
}

function entryId(entry: unknown): string | null {
  if (!isPlainObject(entry) || typeof entry.id !== 'string') return null;
  return entry.id.length > 64 ? `${entry.id.slice(0, 63)}…` : entry.id;
}

function duplicateIds(entries: readonly unknown[]): ImportProblem[] {
  const seen = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    if (isPlainObject(entry) && typeof entry.id === 'string') seen.set(entry.id, [...(seen.get(entry.id) ?? []), i + 1]);
  });
  return [...seen].filter(([, at]) => at.length > 1).map(([id, at]) => ({ kind: 'duplicate-id', id, entries: at }));
}

function issueToProblem(issue: v.BaseIssue<unknown>, entries: readonly unknown[]): ImportProblem {
  const keys = (issue.path ?? []).map((item) => item.key);
  if (keys[0] === 'providers' && typeof keys[1] === 'number') {
    const index = keys[1];
    return { kind: 'entry', entry: index + 1, id: entryId(entries[index]), field: keys.slice(2).join('.'), message: issue.message };
  }
  return { kind: 'file', field: keys.join('.'), message: issue.message };
}

/** Parses and validates an export file. On any problem, returns them all (up to MAX_PROBLEMS) and no providers. */
export function parseImport(text: string): ImportResult {
  const fail = (...problems: ImportProblem[]): ImportResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });
  // A string's length in UTF-16 units is at least its UTF-8 byte count / 3.
  if (text.length > MAX_IMPORT_BYTES) return fail({ kind: 'too-large', bytes: new TextEncoder().encode(text).length });
  if (text.trim() === '') return fail({ kind: 'empty' });

  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail({ kind: 'json', detail: e instanceof Error ? e.message : String(e) });
  }
  if (!isPlainObject(data)) return fail({ kind: 'not-object' });

  if (data.format !== EXPORT_FORMAT) return fail({ kind: 'format', found: describe(data.format) });
  if (data.version !== 1) return fail({ kind: 'version', found: describe(data.version) });
  if (!Array.isArray(data.providers)) return fail({ kind: 'file', field: 'providers', message: `must be a list of providers, found ${describe(data.providers)}` });
  const entries: unknown[] = data.providers;
  if (entries.length > MAX_IMPORT_PROVIDERS) return fail({ kind: 'too-many', count: entries.length });
  const forbidden = findForbiddenKey(data);
  if (forbidden) return fail({ kind: 'forbidden-key', ...forbidden });

  const duplicates = duplicateIds(entries);
  const parsed = v.safeParse(ProvidersFileSchema, data);
  if (parsed.success && duplicates.length === 0) return { ok: true, providers: parsed.output.providers };

  const problems: ImportProblem[] = parsed.success
    ? []
    : parsed.issues
        // The schema's own "ids must be unique" is reported per id below.
        .filter((issue) => !(duplicates.length > 0 && (issue.path ?? []).length === 0))
        .map((issue) => issueToProblem(issue, entries));
  return fail(...problems, ...duplicates);
}

/** Key-order-independent JSON, to compare two providers by value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    isPlainObject(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val,
  );
}

export function sameProvider(a: Provider, b: Provider): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export interface ImportPreview {
  added: Provider[];
  changed: Provider[];
  unchanged: Provider[];
  /** Ids of imported providers that replace a bundled one. */
  overridesBundled: string[];
  /** The custom providers after applying: existing ones updated in place, new ones appended. */
  merged: Provider[];
}

/** What importing `incoming` into the existing custom providers would do (merged by id). */
export function previewImport(existing: readonly Provider[], incoming: readonly Provider[], bundledIds: ReadonlySet<string> = new Set()): ImportPreview {
  const byId = new Map(existing.map((p) => [p.id, p]));
  const incomingById = new Map(incoming.map((p) => [p.id, p]));
  const added: Provider[] = [];
  const changed: Provider[] = [];
  const unchanged: Provider[] = [];
  for (const p of incoming) {
    const old = byId.get(p.id);
    if (!old) added.push(p);
    else if (sameProvider(old, p)) unchanged.push(p);
    else changed.push(p);
  }
  const merged = [...existing.map((p) => incomingById.get(p.id) ?? p), ...added];
  return { added, changed, unchanged, overridesBundled: incoming.filter((p) => bundledIds.has(p.id)).map((p) => p.id), merged };
}
