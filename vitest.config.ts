import { defineConfig } from 'vitest/config';

// Unit tests only: browser tests live in test/e2e and run against the built extension.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
  },
});
