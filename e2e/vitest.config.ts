import { defineConfig } from 'vitest/config';

// End-to-end: the real server (production web build, embedded database in a fresh folder) driven in
// Debian's Chromium through playwright-core. One file at a time: they share the machine's two cores.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    globalSetup: ['src/global-setup.ts'],
  },
});
