// Several Karpor installations: add, edit, set active, delete; and what the window says about the settings file.
import { chooseOption, completeFirstRun, expect, kubeconfigYaml, screenshot, test } from './fixtures.ts';

const kubeconfig = kubeconfigYaml(
  [
    { name: 'prod', server: 'https://127.0.0.1:6441' },
    { name: 'staging', server: 'https://127.0.0.1:6442' },
  ],
  'prod',
);

test('add a second profile, make it active, edit it, delete the first', async ({ page, workspace, startBridge }) => {
  const file = workspace.file('config.yaml', kubeconfig);
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await completeFirstRun(page, file);

  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByText('New profile')).toBeVisible();
  // 7443 is taken by the first profile, so the form offers the next free port.
  await expect(page.getByLabel('Local port')).toHaveValue('7444');
  await page.getByLabel('Kubeconfig file').fill(file);
  await chooseOption(page, 'Context', 'staging');
  await expect(page.getByLabel('Profile name')).toHaveValue('staging');
  await page.getByLabel('Profile name').fill('Staging Karpor');
  await page.getByLabel('Karpor namespace').fill('karpor-system');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const staging = page.getByRole('row', { name: /Staging Karpor/ });
  await expect(staging).toContainText('karpor-system/karpor-server:7443');
  await expect(staging).toContainText('127.0.0.1:7444');
  await expect(staging).not.toContainText('Active');
  await expect(page.getByRole('row', { name: /prod/ })).toContainText('Active');

  await page.getByRole('button', { name: 'Make profile Staging Karpor the active profile' }).click();
  await expect(staging).toContainText('Active');
  await expect(page.getByTestId('active-profile')).toContainText('Staging Karpor');
  let stored = workspace.readSettings();
  const stagingId = stored?.profiles.find((p) => p.name === 'Staging Karpor')?.id;
  expect(stored?.activeProfileId).toBe(stagingId);

  await page.getByRole('button', { name: 'Edit profile Staging Karpor' }).click();
  await expect(page.getByLabel('Profile name')).toHaveValue('Staging Karpor');
  await expect(page.getByLabel('Karpor namespace')).toHaveValue('karpor-system');
  await page.getByLabel('Local port').fill('9443');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(staging).toContainText('127.0.0.1:9443');
  await screenshot(page, 'profiles-en-light-two');

  await page.getByRole('button', { name: 'Delete profile prod' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: /prod/ })).toHaveCount(0);
  stored = workspace.readSettings();
  expect(stored?.profiles.map((p) => [p.name, p.localPort, p.namespace])).toEqual([['Staging Karpor', 9443, 'karpor-system']]);
  expect(stored?.activeProfileId).toBe(stagingId);
  expect(workspace.settingsMode()).toBe(0o600);
});

test('cancelling an edit changes nothing', async ({ page, workspace, startBridge }) => {
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await completeFirstRun(page, workspace.file('config.yaml', kubeconfig));
  const before = workspace.readSettings();
  await page.getByRole('button', { name: 'Edit profile prod' }).click();
  await page.getByLabel('Service', { exact: true }).fill('other');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /prod/ })).toContainText('karpor/karpor-server:7443');
  expect(workspace.readSettings()).toEqual(before);
});

test('a corrupt settings file is reported in the window with where its backup went', async ({ page, workspace, startBridge }) => {
  workspace.file('settings/settings.json', '{ "schemaVersion": 1, "profiles": [ oops');
  const bridge = await startBridge();
  await page.goto(bridge.url);
  const notice = page.getByTestId('notices');
  await expect(notice).toContainText('Please note');
  await expect(notice).toContainText(`${workspace.settingsFile}.corrupt-`);
  // The app still works: the first-run screen is there, on fresh defaults.
  await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();
  await screenshot(page, 'first-run-en-light-corrupt-settings');
});

test('settings toggles are saved to the settings file', async ({ page, workspace, startBridge }) => {
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await completeFirstRun(page, workspace.file('config.yaml', kubeconfig));
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page.getByText('Browser (development bridge)')).toBeVisible();

  const launchAtLogin = page.getByRole('switch', { name: 'Launch at login' });
  await expect(launchAtLogin).not.toBeChecked();
  await launchAtLogin.click();
  await expect(launchAtLogin).toBeChecked();
  await page.getByRole('switch', { name: 'Keep tokens' }).click();
  await expect(page.getByRole('switch', { name: 'Keep tokens' })).not.toBeChecked();
  expect(workspace.readSettings()?.preferences).toMatchObject({ launchAtLogin: true, keepTokens: false, startForwardingOnLaunch: true, language: 'system', theme: 'system' });

  // Dashboard log-in preferences. No forward runs here, so the hub's accounts cannot be listed: the form says why.
  await expect(page.getByText('Accounts are listed when Karpor is reachable')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Default account' })).toBeVisible();
  await chooseOption(page, 'Token lifetime', '1 day');
  await page.getByRole('radiogroup', { name: 'Open the dashboard in' }).getByText('The default browser').click();
  await page.getByRole('switch', { name: 'Open when forwarding is ready' }).click();
  await expect(page.getByRole('switch', { name: 'Open when forwarding is ready' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'The default browser' })).toBeChecked();
  expect(workspace.readSettings()?.preferences).toMatchObject({
    dashboardTokenDuration: '24h',
    dashboardOpenIn: 'browser',
    dashboardOpenWhenReady: true,
    dashboardAutoOpenAfterMint: true,
    dashboardDefaultAccount: null,
    launchAtLogin: true,
    keepTokens: false,
  });
  await screenshot(page, 'settings-en-light');

  await page.reload();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page.getByRole('switch', { name: 'Launch at login' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Keep tokens' })).not.toBeChecked();
});

test('a narrow window keeps the navigation as icons that still have names', async ({ page, workspace, startBridge }) => {
  await page.setViewportSize({ width: 720, height: 640 });
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await completeFirstRun(page, workspace.file('config.yaml', kubeconfig));
  const sider = page.locator('.ant-layout-sider');
  await expect(sider).toHaveClass(/ant-layout-sider-collapsed/);
  // The sider animates its width after the class flips: wait for the transition to end.
  await expect.poll(async () => (await sider.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(64);
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await screenshot(page, 'settings-en-light-narrow');
});
