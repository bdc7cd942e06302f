// The Port-forward page in Chromium through the real dev bridge and services, against the sandbox:
// start, see the pod in use, recover a taken port with one click, stop.
import { createServer, type Server } from 'node:net';
import { startDevBridge, type DevBridge } from '../../electron/bridge/dev-bridge.ts';
import { createServices } from '../../electron/services.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { anyFreePort } from '../../electron/forward/local-port.ts';


let sandbox: Sandbox;
let bridge: DevBridge;
let blocker: Server | undefined;
let localPort = 0;

test.beforeEach(async ({ workspace }) => {
  sandbox = await startSandbox({ rbac: false });
  localPort = await anyFreePort();
  createServices({ settingsDir: workspace.settingsDir, version: 't', homeDir: workspace.dir, getEnv: () => ({}) }).settings.saveProfile({
    name: 'sandbox',
    kubeconfigPath: sandbox.kubeconfigPath,
    context: 'sandbox',
    localPort,
  });
  bridge = await startDevBridge({ settingsDir: workspace.settingsDir, rendererDir: 'dist/renderer' });
});

test.afterEach(async () => {
  await bridge?.close();
  await sandbox?.stop();
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  blocker = undefined;
});

test('start shows Ready with the pod in use and an event log; stop turns it off', async ({ page }) => {
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: 'Port-forward' }).click();
  const panel = page.getByTestId('forward-page');
  await expect(panel.getByTestId('forward-status')).toHaveText('Stopped');
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(panel.getByTestId('forward-status')).toHaveText('Ready', { timeout: 20_000 });
  const pod = sandbox.pods()[0]?.name ?? '';
  await expect(panel).toContainText(`Forwarding 127.0.0.1:${localPort} → ${pod}`);
  await expect(panel).toContainText(`https://127.0.0.1:${localPort}`);
  await expect(panel).toContainText(`forwarding 127.0.0.1:${localPort} to pod ${pod}`);
  await screenshot(page, 'forward-ready');
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByTestId('forward-status')).toHaveText('Stopped');
});

test('a taken local port is explained and fixed with one click', async ({ page }) => {
  blocker = createServer();
  await new Promise<void>((r) => blocker?.listen(localPort, '127.0.0.1', r));
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: 'Port-forward' }).click();
  const panel = page.getByTestId('forward-page');
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(panel.getByTestId('forward-status')).toHaveText('Error');
  await expect(panel.getByRole('alert')).toContainText(`Local port ${localPort} is already in use`);
  await expect(panel.getByRole('alert')).toContainText('kubectl port-forward');
  await screenshot(page, 'forward-port-taken');
  await panel.getByRole('button', { name: /^Use port \d+ instead$/ }).click();
  await expect(panel.getByTestId('forward-status')).toHaveText('Ready', { timeout: 20_000 });
  await expect(panel).not.toContainText(`https://127.0.0.1:${localPort}`);
});
