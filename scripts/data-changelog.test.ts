// docs/data-changelog.md keeps up with the dataset: the current version has a
// section, sections are newest first, and every provider added since the
// research spec's list is named (as `id`) in the change log.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import raw from '../src/data/providers.json';
import { DatasetSchema } from '../src/data/schema';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const changelogPath = resolve(repoRoot, 'docs/data-changelog.md');
// CI checks the repository out with ../shared beside it (as src/data/dataset.test.ts).
const specPath = resolve(repoRoot, '../shared/spec/providers.md');
const hasSpec = existsSync(specPath);

const dataset = v.parse(DatasetSchema, raw);
const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';

/** Version headings, in document order: "## 2026-11-23". */
function versionHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^## (\d{4}-\d{2}-\d{2})\s*$/gm)].map((m) => m[1]!);
}

/** Provider ids of the spec's §3 table (first cell of each row). */
function specIds(markdown: string): string[] {
  const section = markdown.split(/^## 3\./m)[1]?.split(/^## 4\./m)[0] ?? '';
  const ids: string[] = [];
  for (const line of section.split('\n')) {
    const id = /^\|\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\|/.exec(line)?.[1];
    if (id && id !== 'id') ids.push(id);
  }
  return ids;
}

/** The text of the section for one version, up to the next version heading. */
function section(markdown: string, version: string): string {
  const start = markdown.search(new RegExp(`^## ${version}\\s*$`, 'm'));
  if (start < 0) return '';
  const rest = markdown.slice(start + 1);
  const next = rest.search(/^## \d{4}-\d{2}-\d{2}\s*$/m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('helpers', () => {
  it('read version headings and spec ids (so the checks below can fail)', () => {
    expect(versionHeadings('# Log\n\n## 2026-12-01\n\ntext\n\n## 2026-11-23\n### 2026-01-01 not a version\n')).toEqual(['2026-12-01', '2026-11-23']);
    expect(specIds('## 3. Providers\n| id | name |\n|---|---|\n| aws | AWS |\n| my-cloud | X |\n## 4. Sources\n| later | no |\n')).toEqual(['aws', 'my-cloud']);
  });
});

describe('docs/data-changelog.md', () => {
  it('exists', () => {
    expect(existsSync(changelogPath), 'docs/data-changelog.md is missing').toBe(true);
  });

  it(`has a section for the current dataset version (${dataset.version}), listed first`, () => {
    const versions = versionHeadings(changelog);
    expect(versions, `add a "## ${dataset.version}" section to docs/data-changelog.md`).toContain(dataset.version);
    expect(versions[0]).toBe(dataset.version);
  });

  it('lists versions newest first, each once', () => {
    const versions = versionHeadings(changelog);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort().reverse()).toEqual(versions);
  });

  it('names at least one source per version section', () => {
    for (const version of versionHeadings(changelog)) {
      expect(section(changelog, version), `section ${version} cites no https source`).toMatch(/\]\(https:\/\//);
    }
  });

  it.skipIf(!hasSpec)(
    hasSpec ? 'names every provider added since the research spec' : `names every provider added since the research spec (SKIPPED: ${specPath} not found)`,
    () => {
      const spec = new Set(specIds(readFileSync(specPath, 'utf8')));
      expect(spec.size).toBeGreaterThanOrEqual(48);
      const added = dataset.providers.map((p) => p.id).filter((id) => !spec.has(id));
      const missing = added.filter((id) => !changelog.includes(`\`${id}\``));
      expect(missing, 'provider ids added since the spec but not named (as `id`) in docs/data-changelog.md').toEqual([]);
    },
  );
});
