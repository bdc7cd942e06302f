// The Electron end-to-end run, kept out of `npm test` (Electron's binary cannot be downloaded on
// every machine): `npx playwright test -c test/e2e-electron` after `npm run build`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
