// The tests. Property tests are seeded (test/helpers/seed.ts). No test has a wall-clock budget a busy
// machine could break (the time a test takes is a benchmark's business), so the timeouts only catch a hang.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // lib/, which the tests that spawn bin/ run, is built from the sources as they are.
    globalSetup: ['test/helpers/built-from-sources.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
