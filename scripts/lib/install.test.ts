import { describe, expect, it } from 'vitest';
import { installProblem, nodeProblem } from './install.mjs';

const lock = {
  packages: {
    '': { version: '0.1.0' },
    'node_modules/preact': { version: '11.2.0' },
    'node_modules/vite/node_modules/esbuild': { version: '0.28.2' },
    'node_modules/@esbuild/win32-x64': { version: '0.28.2', optional: true },
  },
};
const installed = { packages: { 'node_modules/preact': { version: '11.2.0' }, 'node_modules/vite/node_modules/esbuild': { version: '0.28.2' } } };

describe('installProblem', () => {
  it('accepts an install that matches the lockfile, without the optional packages of other platforms', () => {
    expect(installProblem(lock, installed)).toBeNull();
  });

  it('says node_modules is missing when npm never finished an install', () => {
    expect(installProblem(lock, null)).toBe('node_modules is missing');
  });

  it('finds a package the lockfile added', () => {
    const older = { packages: { 'node_modules/preact': { version: '11.2.0' } } };
    expect(installProblem(lock, older)).toBe('node_modules lacks esbuild');
  });

  it('finds a package at another version', () => {
    const stale = { packages: { ...installed.packages, 'node_modules/preact': { version: '10.0.0' } } };
    expect(installProblem(lock, stale)).toBe('node_modules has preact 10.0.0, package-lock.json wants 11.2.0');
  });

  it('finds a package the lockfile dropped', () => {
    const extra = { packages: { ...installed.packages, 'node_modules/left-pad': { version: '1.0.0' } } };
    expect(installProblem(lock, extra)).toBe('node_modules has left-pad, which package-lock.json no longer lists');
  });

  it('checks an optional package that is installed like any other', () => {
    const wrong = { packages: { ...installed.packages, 'node_modules/@esbuild/win32-x64': { version: '0.1.0' } } };
    expect(installProblem(lock, wrong)).toMatch(/win32-x64 0\.1\.0/);
  });
});

describe('nodeProblem', () => {
  it('accepts Node 20.19 and later', () => {
    for (const v of ['20.19.0', '20.20.2', '22.1.0', '24.0.0']) expect(nodeProblem(v)).toBeNull();
  });
  it('names the version it needs for an older Node', () => {
    for (const v of ['20.18.3', '18.20.0']) expect(nodeProblem(v)).toBe(`Sovereignty Lens needs Node 20.19 or later; this is Node ${v}.`);
  });
});
