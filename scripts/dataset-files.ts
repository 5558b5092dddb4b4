// The dataset lives as one file per provider (src/data/providers/<id>.json),
// so a change to one provider is one reviewable diff, plus src/data/dataset.json
// (version and order). The extension and the contract read one bundle,
// src/data/providers.json, assembled from them by `npm run data:bundle`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../src/data/', import.meta.url));
export const PROVIDERS_DIR = `${DATA_DIR}providers/`;
export const BUNDLE_PATH = `${DATA_DIR}providers.json`;

interface DatasetMeta {
  version: string;
  order: string[];
}

/** The bundle as written to disk: the same JSON text every time for the same files. */
export function assembleBundle(dir = DATA_DIR): { text: string; problems: string[] } {
  const meta = JSON.parse(readFileSync(`${dir}dataset.json`, 'utf8')) as DatasetMeta;
  const files = readdirSync(`${dir}providers/`).filter((f) => f.endsWith('.json'));
  const problems: string[] = [];
  const listed = new Set(meta.order);
  for (const f of files) if (!listed.has(f.slice(0, -5))) problems.push(`providers/${f} is not listed in dataset.json "order"`);
  const providers: unknown[] = [];
  for (const id of meta.order) {
    const file = `${id}.json`;
    if (!files.includes(file)) {
      problems.push(`dataset.json lists ${id}, but providers/${file} does not exist`);
      continue;
    }
    const p = JSON.parse(readFileSync(`${dir}providers/${file}`, 'utf8')) as { id?: unknown };
    if (p.id !== id) problems.push(`providers/${file} has id ${JSON.stringify(p.id)}: the file name must be the id`);
    providers.push(p);
  }
  return { text: `${JSON.stringify({ version: meta.version, providers }, null, 2)}\n`, problems };
}
