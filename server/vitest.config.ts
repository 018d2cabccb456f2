import { defineConfig } from 'vitest/config';

// Each test file gets its own database (in-memory PGlite, or a fresh PostgreSQL database when
// DATABASE_URL is set). Two workers: the machine has two cores.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The heavy suites run apart: npm run test:heavy (vitest.heavy.config.ts).
    exclude: ['**/node_modules/**', 'src/**/*.heavy.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['src/test/global-setup.ts'],
    env: { NODE_ENV: 'test' },
  },
});
