// The audit command's arguments. Pure: main.ts reads files and runs.
import { LEVELS, type Level } from '../../src/core/assess';

export const FORMATS = ['table', 'markdown', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface AuditArgs {
  /** URLs and list files, in the order given. */
  inputs: string[];
  format: Format;
  out: string | null;
  failOn: Level | null;
  lang: 'en' | 'fr';
  concurrency: number;
  help: boolean;
}

/** --fail-on takes a level or the word the popup shows for it. */
const FAIL_ON: Record<string, Level> = { exposed: 'high', high: 'high', partial: 'medium', medium: 'medium', unknown: 'unknown', 'not-verified': 'unknown', unverified: 'unknown', low: 'low', 'not-exposed': 'low' };

const EXTENSIONS: Record<string, Format> = { md: 'markdown', markdown: 'markdown', csv: 'csv', json: 'json', txt: 'table' };

export const USAGE = `Usage: npm run audit -- [options] <url | file>...

Opens each page in headless Chromium with the built extension and reports
what the extension finds there: the providers the page names, their level,
headquarters, CLOUD Act, HDS and SecNumCloud status, the sentence that named
each, the providers serving the page's files, and the sources.

A file argument is a list of addresses, one per line (# starts a comment).
An address without a scheme gets https://.

Options:
  --format table|markdown|csv|json   output (default: table, or from --out's extension)
  --out <file>                       write the output to a file instead of the terminal
  --fail-on <level>                  exit 1 when a page names a provider at this level or worse:
                                     exposed, partial, unknown (not verified) or low
  --lang en|fr                       language of the labels (default: en)
  --concurrency <n>                  pages loaded at once, 1 to 8 (default: 3)
  -h, --help                         this help

Exit status: 0 done; 1 --fail-on matched; 2 bad arguments or no browser;
3 a page could not be audited (its row says why).`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): AuditArgs {
  const args: AuditArgs = { inputs: [], format: 'table', out: null, failOn: null, lang: 'en', concurrency: 3, help: false };
  let format: Format | null = null;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const take = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = value(i, name);
      i++;
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--format': {
        const v = take().toLowerCase();
        const f = v === 'md' ? 'markdown' : v;
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (not "${v}")`);
        format = f as Format;
        break;
      }
      case '--out':
        args.out = take();
        if (!args.out) throw new UsageError('--out needs a file name');
        break;
      case '--fail-on': {
        const v = take().toLowerCase();
        const level = Object.hasOwn(FAIL_ON, v) ? FAIL_ON[v] : undefined;
        if (!level) throw new UsageError(`--fail-on must be one of exposed, partial, unknown, low (not "${v}")`);
        args.failOn = level;
        break;
      }
      case '--lang': {
        const v = take().toLowerCase();
        if (v !== 'en' && v !== 'fr') throw new UsageError(`--lang must be en or fr (not "${v}")`);
        args.lang = v;
        break;
      }
      case '--concurrency': {
        const v = take();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 8) throw new UsageError(`--concurrency must be a whole number from 1 to 8 (not "${v}")`);
        args.concurrency = n;
        break;
      }
      case '--':
        args.inputs.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (raw.startsWith('-') && raw.length > 1) throw new UsageError(`unknown option ${raw}`);
        args.inputs.push(raw);
    }
  }
  if (format === null && args.out) {
    const ext = /\.([a-z]+)$/i.exec(args.out)?.[1]?.toLowerCase();
    format = (ext && EXTENSIONS[ext]) || null;
    if (format === null) throw new UsageError(`say which format to write to ${args.out}: --format markdown, csv or json`);
  }
  args.format = format ?? 'table';
  if (!args.help && args.inputs.length === 0) throw new UsageError('give at least one address or list file');
  return args;
}

/** Worse than or as bad as the threshold (high > medium > unknown > low). */
export function reaches(level: Level | null, threshold: Level): boolean {
  if (level === null) return false;
  return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}
