// Regenerates docs/providers.md from the bundled dataset (npm run docs).
// Refuses to write from data that does not validate against the one schema.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as v from 'valibot';
import { DatasetSchema, formatIssues } from '../src/data/schema';
import { renderProvidersDoc } from './providers-doc';

const dataUrl = new URL('../src/data/providers.json', import.meta.url);
const docUrl = new URL('../docs/providers.md', import.meta.url);

const raw: unknown = JSON.parse(await readFile(dataUrl, 'utf8'));
const result = v.safeParse(DatasetSchema, raw);
if (!result.success) {
  console.error('src/data/providers.json is invalid, docs/providers.md not written:');
  for (const line of formatIssues(result.issues, 50)) console.error('  - ' + line);
  process.exit(1);
}

await mkdir(new URL('.', docUrl), { recursive: true });
await writeFile(docUrl, renderProvidersDoc(result.output));
console.log(`docs/providers.md written (dataset ${result.output.version}, ${result.output.providers.length} providers)`);
