// The content script runs on every page: it only needs what matching needs.
// This keeps names, reasons and sources (most of providers.json) out of it.
import type { Plugin } from 'vite';

const KEEP = ['id', 'aliases', 'weakAliases'] as const;

export function stripDatasetForContent(): Plugin {
  return {
    name: 'sovereignty-lens:strip-dataset',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\?.*$/, '').endsWith('/src/data/providers.json')) return null;
      const data = JSON.parse(code) as { version: string; providers: Record<string, unknown>[] };
      const providers = data.providers.map((p) => Object.fromEntries(KEEP.map((k) => [k, p[k]])));
      // Still JSON: Vite's JSON plugin turns it into a module after us.
      return { code: JSON.stringify({ version: data.version, providers }), map: null };
    },
  };
}
