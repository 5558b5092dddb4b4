// Builds the content script as ONE self-contained IIFE file and adds it to the
// built manifest. Letting CRXJS bundle it would share chunks with the popup and
// background, and CRXJS would then emit a loader plus web_accessible_resources
// that any page can probe (fingerprinting) — the contract forbids that.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { builtContentScripts, CONTENT_SCRIPT_FILE } from './manifest.ts';
import { stripDatasetForContent } from './strip-dataset.ts';

/**
 * The whole script runs after the page's load event (or 1 s into a page still
 * fetching), inside a function V8 only pre-parses until then: the page's own
 * load never waits for our code (bench/README.md, "page load").
 */
export function deferToLoad(code: string): string {
  return `(()=>{let o=0;const r=()=>{if(o++)return;\n${code.trim()}\n};document.readyState==="complete"?r():(addEventListener("load",r,{once:!0}),setTimeout(r,1e3))})();\n`;
}

export function contentScriptPlugin(opts: { root: string; outDir: string; mode: string }): Plugin {
  return {
    name: 'sovereignty-lens:content-script',
    apply: 'build',
    async closeBundle() {
      const outDir = resolve(opts.root, opts.outDir);
      await build({
        configFile: false,
        root: opts.root,
        mode: opts.mode,
        logLevel: 'warn',
        plugins: [stripDatasetForContent()],
        resolve: { alias: { 'webextension-polyfill': resolve(opts.root, 'src/content/native-browser.ts') } },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          target: 'es2022',
          lib: {
            entry: resolve(opts.root, 'src/content/main.ts'),
            formats: ['iife'],
            name: 'sovereigntyLens',
            fileName: () => CONTENT_SCRIPT_FILE,
          },
        },
      } as Parameters<typeof build>[0]);
      const file = resolve(outDir, CONTENT_SCRIPT_FILE);
      await writeFile(file, deferToLoad(await readFile(file, 'utf8')));
      const manifestPath = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      manifest.content_scripts = builtContentScripts();
      delete manifest.web_accessible_resources;
      await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    },
  };
}
