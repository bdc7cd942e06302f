import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'test/e2e-electron/**', 'node_modules/**'],
    // Every test file gets the `electron` mock: the real module would try to download its binary.
    setupFiles: ['test/setup/electron-mock.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
