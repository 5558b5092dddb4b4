// One source manifest (manifest.json) for both browsers: the differences are
// generated here, never kept by hand in a second file.
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import base from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';
type Manifest = typeof base & Record<string, unknown>;

export const GECKO_ID = 'sovereignty-lens@sovereignty-lens.eu';
/** The content script is built on its own as one IIFE file (see content-script-plugin.ts). */
export const CONTENT_SCRIPT_FILE = 'content.js';

/** The manifest CRXJS sees: content scripts are added after the build, self-contained. */
export function manifestFor(target: Target): ManifestV3Export {
  const { content_scripts: _omitted, ...rest } = structuredClone(base) as Manifest;
  const manifest: Record<string, unknown> = { ...rest, version: pkg.version };
  if (target === 'firefox') {
    // Firefox reads policies from policies.json / a native manifest, not from a schema file.
    delete manifest.storage;
    manifest.background = { scripts: [base.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 140 is the first desktop release (and an ESR) that reads data_collection_permissions.
        strict_min_version: '140.0',
        // Firefox's built-in consent: this extension collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

/** The content_scripts entries of the built manifest, pointing at the IIFE bundle. */
export function builtContentScripts() {
  return base.content_scripts.map((entry) => ({ ...entry, js: [CONTENT_SCRIPT_FILE] }));
}
