import { defineConfig } from 'vitest/config';

// The heavy suites (`npm run test:heavy`): real app processes on PostgreSQL (DATABASE_URL; under CI=true a
// missing PostgreSQL is a failure, otherwise they are skipped with the reason). One file at a time: each
// one loads the machine on its own.
export default defineConfig({
  test: {
    include: ['src/**/*.heavy.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    env: { NODE_ENV: 'test' },
  },
});
