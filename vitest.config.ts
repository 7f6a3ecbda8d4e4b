import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in test/e2e and must not be collected here.
    include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    // fast-check's seed is fixed for every file (test/setup/fastCheck.ts).
    setupFiles: ['test/setup/fastCheck.ts'],
    testTimeout: 30_000,
    // A hook that starts a platform (PGlite from a fresh data dir) took over 60 s with the machine at load 28;
    // the limit only guards against a hang, so it leaves room for a loaded machine.
    hookTimeout: 180_000,
    pool: 'forks',
    // Both cores: vitest's default left one idle here (the unit stage took 265 s on one fork, 195 s on two).
    maxWorkers: 2,
  },
});
