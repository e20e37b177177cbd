import { defineConfig } from 'vitest/config';

// Test tiers (STYLE §9): pure unit tests; integration tests through app.inject against a real database,
// run once on PGlite and once on PostgreSQL; browser tests in Debian's Chromium.
const integration = 'packages/server/test/integration/**/*.test.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/domain/test/**/*.test.ts',
            'packages/server/test/unit/**/*.test.ts',
            // The web app's pure modules (forms from specs); its pages are tested in a browser (e2e).
            'packages/web/test/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: [integration],
          env: { YITING_TEST_DB: 'pglite' },
          globalSetup: ['packages/server/test/helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [integration],
          env: { YITING_TEST_DB: 'postgres' },
          globalSetup: ['packages/server/test/helpers/global-setup.ts'],
        },
      },
      {
        // Real `yiting` processes (start, SIGTERM/SIGKILL, backup/restore, audit verify); not run per engine.
        extends: true,
        test: {
          name: 'process',
          include: ['packages/server/test/process/**/*.test.ts'],
          globalSetup: ['packages/server/test/process/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/web/e2e/**/*.test.ts'],
          globalSetup: ['packages/web/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
