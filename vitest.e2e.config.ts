import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the browser shell; one at a time (2 cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
