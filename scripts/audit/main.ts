// `npm run audit -- <url | file>…`: the extension's findings for many pages
// at once, as a table, Markdown, CSV or JSON. scripts/audit.mjs installs and
// builds first, then runs this from the project's folder; file names are taken
// from where the person ran the command (npm's INIT_CWD).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, UsageError, USAGE, type AuditArgs } from './args';
import { runAudit } from './run';

async function main(): Promise<number> {
  let args: AuditArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  try {
    const { report, output, code } = await runAudit(args, {
      dist: resolve(process.env.SL_DIST ?? 'dist'),
      chromium: process.env.CHROMIUM || '/usr/bin/chromium',
      base,
      width: args.out ? 120 : (process.stdout.columns ?? 120),
    });
    if (args.out) {
      writeFileSync(resolve(base, args.out), output);
      const failed = report.pages.filter((p) => p.error !== null).length;
      process.stderr.write(`Wrote ${args.out}: ${report.pages.length} page(s)${failed ? `, ${failed} could not be audited` : ''}.\n`);
    } else process.stdout.write(output);
    if (code === 1) process.stderr.write('A page names a provider at the --fail-on level or worse.\n');
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`The audit could not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return 2;
  }
}

process.exitCode = await main();
