// Runs an audit: the pages from the arguments, the extension's findings for
// each, the report in the chosen format, and the exit status.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { todayIso } from '../../src/core/assess';
import { bundledDataset } from '../../src/data/load';
import { reaches, UsageError, type AuditArgs } from './args';
import { scanPages } from './engine';
import { render } from './formats';
import { collectInputs } from './inputs';
import { auditReport, type AuditReport } from './report';

/** A page list longer than this gets a progress line on stderr. */
const PROGRESS_OVER = 3;

/** The text of a list file (relative to `base`), or null when there is no such file. */
function listReader(base: string) {
  return {
    read(arg: string): string | null {
      const path = resolve(base, arg);
      try {
        if (!statSync(path).isFile()) return null;
      } catch {
        return null;
      }
      return readFileSync(path, 'utf8');
    },
  };
}

function progress(total: number): ((done: number, url: string, failed: boolean) => void) | undefined {
  if (total <= PROGRESS_OVER) return undefined;
  const tty = process.stderr.isTTY;
  return (done, url, failed) => {
    const line = `[${done}/${total}] ${failed ? 'could not audit ' : ''}${url}`;
    if (tty) process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 80) - 1)}${done === total ? '\n' : ''}`);
    else process.stderr.write(line + '\n');
  };
}

export interface RunEnv {
  dist: string;
  chromium: string;
  /** Where relative list files are (the directory the person ran the command in). */
  base: string;
  chromiumArgs?: string[];
  /** Characters per line for the table. */
  width: number;
}

export async function runAudit(args: AuditArgs, env: RunEnv): Promise<{ report: AuditReport; output: string; code: number }> {
  const { urls, rejected } = collectInputs(args.inputs, listReader(env.base));
  if (rejected.length > 0) throw new UsageError(rejected.join('\n'));
  if (urls.length === 0) throw new UsageError('the lists hold no address');
  const show = progress(urls.length);
  const { extensionVersion, scans } = await scanPages(urls, {
    dist: env.dist,
    executablePath: env.chromium,
    args: env.chromiumArgs ?? [],
    concurrency: args.concurrency,
    onPage: show && ((scan, done) => show(done, scan.url, scan.error !== null)),
  });
  const dataset = bundledDataset();
  const report = auditReport(scans, { providers: dataset.providers, today: todayIso(), generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), extensionVersion, datasetVersion: dataset.version });
  const output = render(report, args.format, { lang: args.lang, width: env.width, cite: true });
  const failed = report.pages.some((p) => p.error !== null);
  const matched = args.failOn !== null && report.pages.some((p) => reaches(p.level, args.failOn!));
  return { report, output, code: matched ? 1 : failed ? 3 : 0 };
}
