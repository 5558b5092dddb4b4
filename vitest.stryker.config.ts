import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Mutation testing of src/core by its own unit tests: they rerun for every
// mutant in instrumented code, so the large-input tests (no logic of their
// own) are left out, property tests run fewer cases, and timeouts are generous.
export default defineConfig({
  resolve: { alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('test/support/fast-check-capped.ts', import.meta.url)) }] },
  test: {
    include: ['src/core/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*-large-input.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
