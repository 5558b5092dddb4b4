import { describe, expect, it } from 'vitest';
import { browserPath, installHint, missingBrowsers } from './browsers.mjs';

describe('browsers', () => {
  it('uses the Debian paths unless a variable points elsewhere', () => {
    expect(browserPath('chromium', {})).toBe('/usr/bin/chromium');
    expect(browserPath('firefox', {})).toBe('/usr/bin/firefox-esr');
    expect(browserPath('chromium', { CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
  });

  it('lists the browsers whose executable is missing', () => {
    const only = (path: string) => path === '/usr/bin/chromium';
    expect(missingBrowsers(['chromium', 'firefox'], {}, only)).toEqual(['firefox']);
    expect(missingBrowsers(['chromium', 'firefox'], {}, () => true)).toEqual([]);
  });

  it('says in one line what to install', () => {
    const hint = installHint(['chromium', 'firefox'], {});
    expect(hint).not.toContain('\n');
    expect(hint).toBe('Missing Chromium (/usr/bin/chromium) and Firefox ESR (/usr/bin/firefox-esr): install with `sudo apt-get install chromium firefox-esr` (Debian/Ubuntu), or set CHROMIUM=/path/to/it FIREFOX=/path/to/it.');
  });
});
