import { defineConfig } from 'vitest/config';

// Slow fault-injection tests (kill -9 mid-crawl, signals, fuzzing a live server): `npm run test:faults`.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
