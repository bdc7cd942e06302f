// Shared set-up of the browser tests: a real dev bridge (real settings store and kubeconfig
// reading behind it) on 127.0.0.1 with its own settings directory, and real kubeconfig files.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { startDevBridge, type DevBridge } from '../../electron/bridge/dev-bridge.ts';

export interface KubeContextSpec {
  name: string;
  server: string;
  namespace?: string;
}

/** A kubeconfig as kubectl writes it. The token is a placeholder; point servers at loopback ports where nothing listens. */
export function kubeconfigYaml(contexts: readonly KubeContextSpec[], current: string | null): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': current ?? '',
    clusters: contexts.map((c) => ({ name: `${c.name}-cluster`, cluster: { server: c.server } })),
    users: [{ name: 'tester', user: { token: 'placeholder' } }],
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: `${c.name}-cluster`, user: 'tester', ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
  });
}

export interface Workspace {
  dir: string;
  settingsDir: string;
  /** Writes `content` to `<dir>/<name>` and returns its absolute path. */
  file(name: string, content: string): string;
  settingsFile: string;
  /** The settings file as stored, or null when nothing was ever saved. */
  readSettings(): { profiles: Array<Record<string, unknown>>; activeProfileId: string | null; preferences: Record<string, unknown> } | null;
  settingsMode(): number;
}

export interface BridgeOptions {
  /** What the bridge resolves "default (like kubectl)" to, through KUBECONFIG. */
  defaultKubeconfig?: string;
}

export const test = base.extend<{ workspace: Workspace; startBridge: (options?: BridgeOptions) => Promise<DevBridge>; pageErrors: string[] }>({
  // Every test fails on an uncaught exception or a console error in the window (CSP violations report there too).
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  workspace: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'karpor-browser-'));
    const settingsDir = path.join(dir, 'settings');
    mkdirSync(settingsDir);
    const settingsFile = path.join(settingsDir, 'settings.json');
    await use({
      dir,
      settingsDir,
      settingsFile,
      file(name, content) {
        const file = path.join(dir, name);
        writeFileSync(file, content);
        return file;
      },
      readSettings: () => (existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : null),
      settingsMode: () => statSync(settingsFile).mode & 0o777,
    });
    rmSync(dir, { recursive: true, force: true });
  },
  startBridge: async ({ workspace }, use) => {
    const started: DevBridge[] = [];
    await use(async (options = {}) => {
      const bridge = await startDevBridge({
        settingsDir: workspace.settingsDir,
        rendererDir: 'dist/renderer',
        kubeconfigPath: options.defaultKubeconfig ?? path.join(workspace.dir, 'no-default-kubeconfig'),
      });
      started.push(bridge);
      return bridge;
    });
    for (const bridge of started) await bridge.close();
  },
});

export { expect };

/** Full-page screenshot for the report and for people reviewing the UI. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Move the pointer off any tooltip target and let antd's motion settle: the picture shows the resting state.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  // Transient toasts would cover the page title; they are not what the picture is about.
  const file = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path: file, fullPage: true, style: '.ant-message { display: none !important; }' });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

/** Opens the antd Select with this accessible name and picks the option showing `option`. */
export async function chooseOption(page: Page, comboboxName: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: comboboxName }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Saves a first profile for `kubeconfig` (its current context) through the first-run form, in any language. */
export async function completeFirstRun(page: Page, kubeconfig: string): Promise<void> {
  await page.locator('#profile_kubeconfigPath').fill(kubeconfig);
  await expect(page.locator('#profile_name')).not.toHaveValue('');
  await page.locator('[data-testid=profile-form] button[type=submit]').click();
  await expect(page.locator('main[data-page=profile]')).toBeVisible();
}

/** Relative luminance (0 black .. 1 white) of an element's computed background colour. */
export async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  const color = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
