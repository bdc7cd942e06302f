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

/** A kubeconfig as kubectl writes it; the token is a placeholder, nothing here talks to a cluster. */
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

export const test = base.extend<{ workspace: Workspace; startBridge: (options?: BridgeOptions) => Promise<DevBridge> }>({
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
  // Let antd's motion (messages, focus waves) settle so the picture shows the resting state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Picks an option of an antd Select that has the given accessible name. */
export async function chooseOption(page: Page, comboboxName: string | RegExp, optionTestId: string): Promise<void> {
  await page.getByRole('combobox', { name: comboboxName }).click();
  await page.getByTestId(optionTestId).click();
}
