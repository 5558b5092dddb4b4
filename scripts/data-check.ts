// `npm run data:check`: validates the bundled dataset against the one schema,
// then reports expired and expiring labels, stale sources, the unknown share
// per field and the sources by kind (logic in data-check-lib.ts).
//
// Exit code 1 when the dataset is invalid, when a certificate or qualified
// service past its end date is still shown as valid, or when a source is
// dated after today; with --strict, also when the unknown share of hq,
// parent or cloudAct is above the 10 % target.
//
// Options: --strict, --today=YYYY-MM-DD (default: today in UTC), --json.
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { todayIso } from '../src/core/assess';
import { DatasetSchema, formatIssues } from '../src/data/schema';
import { checkDataset, exitCode, formatReport } from './data-check-lib';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const json = args.includes('--json');
const todayArg = args.find((a) => a.startsWith('--today='))?.slice('--today='.length);
const unknownArgs = args.filter((a) => a !== '--strict' && a !== '--json' && !a.startsWith('--today='));
if (unknownArgs.length > 0) {
  console.error(`data-check: unknown argument(s): ${unknownArgs.join(' ')}`);
  console.error('usage: data-check [--strict] [--json] [--today=YYYY-MM-DD]');
  process.exit(2);
}

const raw: unknown = JSON.parse(await readFile(new URL('../src/data/providers.json', import.meta.url), 'utf8'));
const parsed = v.safeParse(DatasetSchema, raw);
if (!parsed.success) {
  console.error('src/data/providers.json is invalid:');
  for (const line of formatIssues(parsed.issues, 50)) console.error('  - ' + line);
  process.exit(1);
}

let report;
try {
  report = checkDataset(parsed.output, { today: todayArg ?? todayIso() });
} catch (error) {
  console.error(`data-check: ${(error as Error).message}`);
  process.exit(2);
}

if (json) console.log(JSON.stringify(report, null, 2));
else console.log(formatReport(report, strict).join('\n'));
process.exit(exitCode(report, strict));
