import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in test/e2e and must not be collected here.
    include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    // fast-check's seed is fixed for every file (test/setup/fastCheck.ts).
    setupFiles: ['test/setup/fastCheck.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
