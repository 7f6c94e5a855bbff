import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core driving the system Chromium (/usr/bin/chromium) against a real server.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
