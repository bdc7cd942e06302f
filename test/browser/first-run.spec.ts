// The first-run screen against the real dev bridge: a real kubeconfig file, the real settings store.
import { spawnSync } from 'node:child_process';
import { startSandbox } from '../sandbox/index.ts';
import { expect, kubeconfigYaml, screenshot, test } from './fixtures.ts';

const twoContexts = kubeconfigYaml(
  [
    { name: 'alpha', server: 'https://127.0.0.1:6441' },
    { name: 'beta', server: 'https://127.0.0.1:6442', namespace: 'tools' },
  ],
  'alpha',
);

test('pick the second context of a real kubeconfig, save, reload: the profile is still there', async ({ page, workspace, startBridge }) => {
  const kubeconfig = workspace.file('two-contexts.yaml', twoContexts);
  // The file is one kubectl itself accepts, with the same two contexts.
  const kubectl = spawnSync('kubectl', ['config', 'get-contexts', '-o', 'name', '--kubeconfig', kubeconfig], { encoding: 'utf8', timeout: 10_000 });
  expect(kubectl.stdout.trim().split('\n')).toEqual(['alpha', 'beta']);

  const bridge = await startBridge();
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();
  // No native file dialog in a browser: no Browse button, and the form says to type the path.
  await expect(page.getByRole('button', { name: 'Choose a kubeconfig file' })).toHaveCount(0);
  await expect(page.getByText('Choosing a file is not available in the browser')).toBeVisible();
  // Defaults the issue asks for.
  await expect(page.getByLabel('Karpor namespace')).toHaveValue('karpor');
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue('karpor-server');
  await expect(page.getByLabel('Service port')).toHaveValue('7443');
  await expect(page.getByLabel('Local port')).toHaveValue('7443');

  await page.getByLabel('Kubeconfig file').fill(kubeconfig);
  await expect(page.getByText(`Read from: ${kubeconfig}`)).toBeVisible();
  // kubectl's current context is offered first, and the name follows it.
  const context = page.getByRole('combobox', { name: 'Context' });
  await expect(page.locator('[data-testid=profile-form] .ant-select').filter({ has: context })).toContainText('alpha');
  await expect(page.getByLabel('Profile name')).toHaveValue('alpha');

  await page.getByRole('combobox', { name: 'Context' }).click();
  await expect(page.getByTestId('context-option-beta')).toContainText('https://127.0.0.1:6442');
  await screenshot(page, 'first-run-en-light-contexts');
  await page.getByTestId('context-option-beta').click();
  await expect(page.getByLabel('Profile name')).toHaveValue('beta');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.locator('main[data-page=profile]')).toBeVisible();
  const row = page.getByRole('row', { name: /beta/ });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(kubeconfig);
  await expect(row).toContainText('karpor/karpor-server:7443');
  await expect(row).toContainText('127.0.0.1:7443');
  await screenshot(page, 'profiles-en-light');

  const stored = workspace.readSettings();
  expect(stored?.profiles).toHaveLength(1);
  expect(stored?.profiles[0]).toMatchObject({ name: 'beta', context: 'beta', kubeconfigPath: kubeconfig, namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 });
  expect(stored?.activeProfileId).toBe(stored?.profiles[0]?.id);
  expect(workspace.settingsMode()).toBe(0o600);

  await page.reload();
  await expect(page.locator('main[data-page=profile]')).toBeVisible();
  await expect(page.getByRole('row', { name: /beta/ })).toContainText('Active');
  await expect(page.getByTestId('active-profile')).toContainText('beta');
});

test('an empty path means the kubeconfig kubectl would use', async ({ page, workspace, startBridge }) => {
  const defaultKubeconfig = workspace.file('default-config.yaml', kubeconfigYaml([{ name: 'kind-karpor', server: 'https://127.0.0.1:6443' }], 'kind-karpor'));
  const bridge = await startBridge({ defaultKubeconfig });
  await page.goto(bridge.url);
  await expect(page.getByText(`Read from: ${defaultKubeconfig}`)).toBeVisible();
  await expect(page.getByLabel('Profile name')).toHaveValue('kind-karpor');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('row', { name: /kind-karpor/ })).toContainText('Default (like kubectl)');
  expect(workspace.readSettings()?.profiles[0]).toMatchObject({ context: 'kind-karpor', kubeconfigPath: null });
});

for (const bad of [
  { label: 'not YAML', name: 'broken.yaml', content: 'apiVersion: v1\nclusters: [\n  - {name: x\n', says: 'is not valid YAML' },
  { label: 'no contexts', name: 'no-contexts.yaml', content: kubeconfigYaml([], null), says: 'defines no contexts' },
  { label: 'missing', name: null, content: '', says: 'does not exist' },
]) {
  test(`a kubeconfig that is ${bad.label} is named in a clear error and nothing is saved`, async ({ page, workspace, startBridge }) => {
    const file = bad.name ? workspace.file(bad.name, bad.content) : `${workspace.dir}/nowhere/config`;
    const bridge = await startBridge();
    await page.goto(bridge.url);
    await page.getByLabel('Kubeconfig file').fill(file);
    const error = page.getByTestId('kubeconfig-error');
    await expect(error).toContainText('The kubeconfig cannot be used');
    await expect(error).toContainText(file);
    await expect(error).toContainText(bad.says);
    await expect(error).toContainText('How to fix:');
    await expect(page.getByRole('combobox', { name: 'Context' })).toBeDisabled();
    if (bad.name === 'broken.yaml') await screenshot(page, 'first-run-en-light-bad-kubeconfig');

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByText('Choose a context.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();
    expect(workspace.readSettings()?.profiles ?? []).toEqual([]);
  });
}

test('invalid Karpor fields are explained next to the field and not saved', async ({ page, workspace, startBridge }) => {
  const kubeconfig = workspace.file('two-contexts.yaml', twoContexts);
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await page.getByLabel('Kubeconfig file').fill(kubeconfig);
  await expect(page.getByLabel('Profile name')).toHaveValue('alpha');
  await page.getByLabel('Karpor namespace').fill('Karpor_NS');
  await page.getByLabel('Service', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Use lower-case letters, digits and “-”')).toHaveCount(2);
  expect(workspace.readSettings()?.profiles ?? []).toEqual([]);
});

test('the sandbox cluster\'s kubeconfig: its contexts and API server are offered and the chosen one is saved', async ({ page, workspace, startBridge }) => {
  const sandbox = await startSandbox();
  try {
    const bridge = await startBridge();
    await page.goto(bridge.url);
    await page.getByLabel('Kubeconfig file').fill(sandbox.kubeconfigPath);
    await expect(page.getByLabel('Profile name')).toHaveValue('sandbox');
    await page.getByRole('combobox', { name: 'Context' }).click();
    await expect(page.getByTestId('context-option-sandbox-limited')).toContainText(sandbox.server);
    await page.getByTestId('context-option-sandbox-limited').click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('row', { name: /sandbox-limited/ })).toContainText('Active');
    expect(workspace.readSettings()?.profiles[0]).toMatchObject({ context: 'sandbox-limited', kubeconfigPath: sandbox.kubeconfigPath });
  } finally {
    await sandbox.stop();
  }
});

test('when the settings cannot be read the window says so, with the fix, and offers to try again', async ({ page, startBridge, pageErrors }) => {
  const bridge = await startBridge();
  // A wrong secret: the bridge refuses every call, as main would if it failed.
  await page.goto(bridge.url.replace(/#bridge=.*/, '#bridge=wrong-secret'));
  await expect(page.getByText('Karpor Desktop could not read its settings')).toBeVisible();
  await expect(page.getByText('The dev bridge secret is missing or wrong.')).toBeVisible();
  await expect(page.getByText('How to fix:')).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Karpor Desktop could not read its settings')).toBeVisible();
  // The refused calls are the only errors this page may log.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 403|WebSocket/.test(e)));
});
