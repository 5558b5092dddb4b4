// docs/data-changelog.md keeps up with the dataset: the current version has a
// section, sections are newest first, and every provider added since the
// first release is named (as `id`) in the change log.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import raw from '../src/data/providers.json';
import { DatasetSchema } from '../src/data/schema';
import firstReleaseIds from './first-release-ids.json';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const changelogPath = resolve(repoRoot, 'docs/data-changelog.md');

const dataset = v.parse(DatasetSchema, raw);
const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';

/** Version headings, in document order: "## 2026-11-23". */
function versionHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^## (\d{4}-\d{2}-\d{2})\s*$/gm)].map((m) => m[1]!);
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
  it('read version headings (so the checks below can fail)', () => {
    expect(versionHeadings('# Log\n\n## 2026-12-01\n\ntext\n\n## 2026-11-23\n### 2026-01-01 not a version\n')).toEqual(['2026-12-01', '2026-11-23']);
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

  it('names every provider added since the first release', () => {
    const first = new Set(firstReleaseIds);
    expect(first.size).toBeGreaterThanOrEqual(48);
    const added = dataset.providers.map((p) => p.id).filter((id) => !first.has(id));
    const missing = added.filter((id) => !changelog.includes(`\`${id}\``));
    expect(missing, 'provider ids added since the first release but not named (as `id`) in docs/data-changelog.md').toEqual([]);
  });
});
