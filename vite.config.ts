import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { contentScriptPlugin } from './build/content-script-plugin.ts';
import { manifestFor } from './build/manifest.ts';

// `vite build` → dist/ (Chrome MV3); `vite build --mode firefox` → dist-firefox/.
export default defineConfig(({ mode }) => {
  const target = mode === 'firefox' ? 'firefox' : 'chrome';
  // SL_OUT_DIR lets parallel checkouts or test runs build side by side.
  const outDir = process.env.SL_OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist');
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      contentScriptPlugin({ root: fileURLToPath(new URL('.', import.meta.url)), outDir, mode }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Extension pages load their own chunks; the preload polyfill would only add a fetch() to the bundle.
      modulePreload: { polyfill: false },
      // Pages not named in the manifest.
      rollupOptions: { input: { welcome: 'src/welcome/index.html', report: 'src/report/index.html' } },
    },
    // Never open network connections from dev tooling by surprise.
    server: { strictPort: true },
  };
});
