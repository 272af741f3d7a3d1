import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Builds dist/ when it is missing or stale, and says which system-program suites are skipped.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
