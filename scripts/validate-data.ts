// Fails the build on a bundled dataset that does not validate against the one schema.
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { DatasetSchema, formatIssues } from '../src/data/schema';

const raw = JSON.parse(await readFile(new URL('../src/data/providers.json', import.meta.url), 'utf8'));
const result = v.safeParse(DatasetSchema, raw);
if (!result.success) {
  console.error('src/data/providers.json is invalid:');
  for (const line of formatIssues(result.issues, 50)) console.error('  - ' + line);
  process.exit(1);
}
console.log(`dataset ${result.output.version}: ${result.output.providers.length} providers, valid`);
