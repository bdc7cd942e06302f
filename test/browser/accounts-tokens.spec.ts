// The Accounts and Tokens pages in Chromium, through the real dev bridge, against the sandbox and a
// real forward: create an account, mint a token shown once, see it in the vault, delete the account.
import { createServices } from '../../electron/services.ts';
import { createForwardService, type ForwardService } from '../../electron/forward/forward-service.ts';
import { createKubeconfigSource } from '../../electron/kube/kubeconfig-source.ts';
import { runningForward } from '../../electron/accounts/forward-endpoint.ts';
import { hubRequest } from '../../electron/accounts/hub-http.ts';
import { startDevBridge, type DevBridge } from '../../electron/bridge/dev-bridge.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { anyFreePort } from '../../electron/forward/local-port.ts';


let sandbox: Sandbox;
let forward: ForwardService;
let bridge: DevBridge;
let server = '';

test.beforeEach(async ({ workspace }) => {
  sandbox = await startSandbox();
  const kube = createKubeconfigSource({ homeDir: workspace.dir, getEnv: () => ({}) });
  forward = createForwardService({ loadKubeConfig: (file, context) => kube.kubeConfigFor(file, context) });
  const localPort = await anyFreePort();
  await forward.start({ kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort });
  server = `https://127.0.0.1:${localPort}`;
  createServices({ settingsDir: workspace.settingsDir, version: 't', homeDir: workspace.dir, getEnv: () => ({}) }).settings.saveProfile({
    name: 'sandbox',
    kubeconfigPath: sandbox.kubeconfigPath,
    context: 'sandbox',
    localPort,
  });
  bridge = await startDevBridge({ settingsDir: workspace.settingsDir, rendererDir: 'dist/renderer', accounts: { forward: runningForward(forward) } });
});

test.afterEach(async () => {
  await bridge?.close();
  await forward?.stop();
  await sandbox?.stop();
});

test('create an account, mint a token shown once, keep it, delete the account', async ({ page }) => {
  await page.goto(bridge.url);
  await page.locator('[data-page-link=accounts]').click();
  await expect(page.getByTestId('hub-status')).toContainText('ConfigMap karpor/karpor-kubeconfig');
  await expect(page.getByTestId('hub-status')).toContainText(server);

  // The least-privileged role is preselected.
  const form = page.getByTestId('create-account');
  await expect(form.locator('.ant-select')).toContainText('karpor-guest (least privilege)');
  // A bad name is refused in the form; nothing reaches the hub.
  await form.getByLabel('Name', { exact: true }).fill('Bad_Name');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form).toContainText('upper-case');
  await form.getByLabel('Name', { exact: true }).fill('ui-guest');
  await form.getByRole('button', { name: 'Create account' }).click();
  const row = page.getByTestId('accounts-table').locator('tr', { hasText: 'ui-guest' });
  await expect(row).toContainText('karpor-guest');
  await screenshot(page, 'accounts-en-light');
  // The hub refuses to rebind it to another role: the form shows why until the user dismisses it.
  await form.getByLabel('Name', { exact: true }).fill('ui-guest');
  await form.getByRole('combobox', { name: 'Role' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'karpor-admin' }).click();
  await form.getByRole('button', { name: 'Create account' }).click();
  const refused = page.getByTestId('create-account-error');
  await expect(refused).toHaveAttribute('data-error-code', 'CONFLICT');
  await expect(refused).toContainText('already exists with role karpor-guest');
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(refused).toHaveCount(0);

  await page.locator('[data-page-link=tokens]').click();
  // The bridge has no safeStorage: the vault says plainly that it is not protected.
  await expect(page.getByTestId('weak-vault')).toBeVisible();
  const mint = page.getByTestId('mint-token');
  await mint.getByRole('combobox', { name: 'Account' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'default/ui-guest' }).click();
  await mint.getByRole('combobox', { name: 'Lifetime' }).fill('5m');
  await mint.getByRole('button', { name: 'Create token' }).click();
  await expect(mint).toContainText('shorter than 10 minutes');
  await mint.getByRole('combobox', { name: 'Lifetime' }).fill('9000h');
  await mint.getByRole('button', { name: 'Create token' }).click();

  const once = page.getByTestId('token-once');
  await expect(once.getByTestId('token-shortened')).toContainText('--service-account-max-token-expiration');
  const token = await once.getByLabel('Token').inputValue();
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect((await hubRequest(server, '/rest-api/v1/authn', { bearer: token })).status).toBe(200);
  await screenshot(page, 'token-once-en-light');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('token-once')).toHaveCount(0);
  // The token is gone from the page; the vault shows metadata and a live countdown.
  expect(await page.content()).not.toContain(token);
  const kept = page.getByTestId('vault-table').locator('tr', { hasText: 'default/ui-guest' });
  await expect(kept.getByTestId('countdown')).toContainText(/in 36[45]d/);
  await screenshot(page, 'tokens-vault-en-light');

  await page.locator('[data-page-link=accounts]').click();
  await page.getByRole('button', { name: 'Delete account ui-guest' }).click();
  await expect(page.locator('.ant-popconfirm')).toContainText('stops working at once');
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('accounts-table').locator('tr', { hasText: 'ui-guest' })).toHaveCount(0);
  expect((await hubRequest(server, '/rest-api/v1/authn', { bearer: token })).status).toBe(401);
});

test('RBAC off: the hub panel says the dashboard needs no token and how to enable RBAC', async ({ page }) => {
  sandbox.hub.setRbac(false);
  await page.goto(bridge.url);
  await page.locator('[data-page-link=tokens]').click();
  await expect(page.getByTestId('rbac-off')).toContainText('needs no token');
  await expect(page.getByTestId('rbac-off')).toContainText('--set server.enableRbac=true');
  await expect(page.getByTestId('tokens-page')).toContainText('tokens have no effect');
  await screenshot(page, 'tokens-rbac-off-en-light');
});
