// fast-check for mutation testing only (vitest.stryker.config.ts aliases it):
// each property runs at most 40 cases per mutant (a killed mutant usually
// dies in the first few), so the whole run fits in minutes. The normal test
// run uses fast-check itself, with each test's own numRuns.
import real from '../../node_modules/fast-check/lib/fast-check.js';

const capped: typeof real = {
  ...real,
  assert: ((property: Parameters<typeof real.assert>[0], params?: Parameters<typeof real.assert>[1]) =>
    real.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, 40) })) as typeof real.assert,
};

export default capped;
