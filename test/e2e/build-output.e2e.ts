// The built manifests keep the contract: self-contained content script, no
// web_accessible_resources, fewest permissions, both locales, Firefox settings.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

for (const dir of ['dist', 'dist-firefox']) {
  describe(`${dir}/manifest.json`, { skip: existsSync(`${dir}/manifest.json`) ? false : `${dir} not built` }, () => {
    const manifest = read(`${dir}/manifest.json`);

    it('declares the popup, the options page and English as default locale with fr beside it', () => {
      assert.equal(manifest.manifest_version, 3);
      assert.ok(existsSync(`${dir}/${manifest.action.default_popup}`));
      assert.ok(existsSync(`${dir}/${manifest.options_ui.page}`));
      assert.equal(manifest.default_locale, 'en');
      assert.ok(existsSync(`${dir}/_locales/en/messages.json`) && existsSync(`${dir}/_locales/fr/messages.json`));
    });

    it('runs one self-contained content script on http and https pages, in all frames, at document_idle', () => {
      assert.equal(manifest.content_scripts.length, 1);
      const [cs] = manifest.content_scripts;
      assert.deepEqual(cs.matches, ['http://*/*', 'https://*/*']);
      assert.equal(cs.all_frames, true);
      assert.equal(cs.run_at, 'document_idle');
      assert.equal(cs.js.length, 1);
      const code = readFileSync(`${dir}/${cs.js[0]}`, 'utf8');
      assert.doesNotMatch(code, /\bimport\s*\(/, 'no dynamic import in the content script');
      assert.doesNotMatch(code, /^\s*import\s/m, 'no static import in the content script');
    });

    it('lets no page probe for the extension and asks for the fewest permissions', () => {
      assert.equal(manifest.web_accessible_resources, undefined);
      // webRequest only for hosting detection (off by default); scripting only to
      // run the new content script in open tabs after an update. Both need host
      // permissions, which are exactly the pages the content script already reads.
      assert.deepEqual([...manifest.permissions].sort(), ['contextMenus', 'scripting', 'storage', 'webRequest']);
      assert.deepEqual(manifest.host_permissions, manifest.content_scripts[0].matches);
      const csp = manifest.content_security_policy.extension_pages;
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /connect-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-eval/);
    });

    it('takes its version from package.json', () => {
      assert.equal(manifest.version, read('package.json').version);
    });
  });
}

describe('dist-firefox/manifest.json (Firefox specifics)', { skip: existsSync('dist-firefox/manifest.json') ? false : 'not built' }, () => {
  it('uses background scripts and declares the gecko id, minimum version and no data collection', () => {
    const m = read('dist-firefox/manifest.json');
    assert.ok(Array.isArray(m.background.scripts) && m.background.scripts.length > 0);
    assert.equal(m.background.service_worker, undefined);
    const gecko = m.browser_specific_settings.gecko;
    assert.match(gecko.id, /@/);
    assert.ok(parseFloat(gecko.strict_min_version) >= 128);
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  });
});
