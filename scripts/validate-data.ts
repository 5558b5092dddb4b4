// Fails the build on a dataset that does not validate against the one schema
// or cites a source the policy refuses. `npm run data:validate -- <id>…`
// checks only those providers' files (for someone editing them).
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { DatasetSchema, formatIssues, ProviderSchema } from '../src/data/schema';
import { sourceProblems } from '../src/data/source-audit';
import { assembleBundle, PROVIDERS_DIR } from './dataset-files';

const ids = process.argv.slice(2);
const problems: string[] = [];
if (ids.length > 0) {
  for (const id of ids) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(`${PROVIDERS_DIR}${id}.json`, 'utf8'));
    } catch (e) {
      problems.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const r = v.safeParse(ProviderSchema, raw);
    if (!r.success) problems.push(...formatIssues(r.issues, 50).map((line) => `${id}: ${line}`));
    else problems.push(...sourceProblems(r.output));
  }
} else {
  const bundle = assembleBundle();
  problems.push(...bundle.problems);
  const r = v.safeParse(DatasetSchema, JSON.parse(bundle.text));
  if (!r.success) problems.push(...formatIssues(r.issues, 50));
  else for (const p of r.output.providers) problems.push(...sourceProblems(p));
  const onDisk = await readFile(new URL('../src/data/providers.json', import.meta.url), 'utf8').catch(() => '');
  if (onDisk !== bundle.text) problems.push('src/data/providers.json is stale: run `npm run data:bundle`');
}
if (problems.length > 0) {
  console.error('The dataset is invalid:');
  for (const line of problems) console.error(`  - ${line}`);
  process.exit(1);
}
console.log(ids.length > 0 ? `${ids.join(', ')}: valid` : 'dataset valid');
