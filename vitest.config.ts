import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (`*.test.ts`); integration and browser tests, which
// start a real server (and Chromium), live in test/ and run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['couch-design/**/*.test.ts', 'app/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
