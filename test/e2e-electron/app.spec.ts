// The real app in the real Electron, when its binary is present (never downloaded from here).
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// Checked without requiring `electron`: its index.js downloads the binary when it is missing.
const hasElectron = !!process.env.ELECTRON_OVERRIDE_DIST_PATH || existsSync(path.join(root, 'node_modules/electron/path.txt'));

test.describe('Karpor Desktop in Electron', () => {
  test.skip(!hasElectron, 'the Electron binary is not installed on this machine');
  test.skip(!existsSync(path.join(root, 'dist/main/main.js')), 'run `npm run build` first');

  let app: ElectronApplication;
  let configHome: string;
  test.beforeAll(async () => {
    configHome = mkdtempSync(path.join(os.tmpdir(), 'karpor-e2e-'));
    app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, XDG_CONFIG_HOME: configHome, HOME: configHome } });
  });
  test.afterAll(async () => {
    await app?.close();
    rmSync(configHome, { recursive: true, force: true });
  });

  test('opens the app page with the preload api and no Node in the page', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://karpor/index.html');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof window.karpor?.app.info)).toBe('function');
    const info = await page.evaluate(() => window.karpor!.app.info());
    expect(info.transport).toBe('electron');
  });

  test('refuses inline scripts (CSP) and new windows', async () => {
    const page = await app.firstWindow();
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
  });
});
