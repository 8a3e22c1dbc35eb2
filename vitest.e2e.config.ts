import { defineConfig } from 'vitest/config';

// Browser tests (playwright-core driving Debian's Chromium): `npm run test:e2e`. They build the
// example workspace once, so they run one file at a time with generous time limits.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
