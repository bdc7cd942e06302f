// Both languages and both themes, chosen in the window and followed from the OS; screenshots of each.
import { backgroundLuminance, chooseOption, completeFirstRun, expect, kubeconfigYaml, screenshot, test } from './fixtures.ts';

const kubeconfig = kubeconfigYaml(
  [
    { name: 'kind-karpor', server: 'https://127.0.0.1:6443' },
    { name: 'staging', server: 'https://127.0.0.1:6442' },
  ],
  'kind-karpor',
);

test('choosing 简体中文 on the welcome screen turns the whole window Chinese, and it is remembered', async ({ page, workspace, startBridge }) => {
  const file = workspace.file('config.yaml', kubeconfig);
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await screenshot(page, 'first-run-en-light');

  await chooseOption(page, 'Language', '简体中文');
  await expect(page.getByRole('heading', { name: '欢迎使用 Karpor Desktop' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const label of ['Kubeconfig 文件', '上下文', 'Karpor 命名空间', '服务端口', '本地端口', '配置名称']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: '保存并继续' })).toBeVisible();
  expect(workspace.readSettings()?.preferences.language).toBe('zh-CN');

  // Main's message names the file; the headline and the "how to fix" are translated.
  await page.getByLabel('Kubeconfig 文件').fill(`${workspace.dir}/missing.yaml`);
  await expect(page.getByTestId('kubeconfig-error')).toContainText('无法使用该 kubeconfig');
  await expect(page.getByTestId('kubeconfig-error')).toContainText(`${workspace.dir}/missing.yaml`);
  await expect(page.getByTestId('kubeconfig-error')).toContainText('解决方法：');

  await page.getByLabel('Kubeconfig 文件').fill(file);
  await expect(page.getByLabel('配置名称')).toHaveValue('kind-karpor');
  await screenshot(page, 'first-run-zh-CN-light');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('menuitem', { name: '配置' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '上下文' })).toBeVisible();
  await expect(page.getByRole('row', { name: /kind-karpor/ })).toContainText('当前');

  await page.reload();
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByLabel('启动时开始转发')).toBeVisible();
  await screenshot(page, 'settings-zh-CN-light');

  // And back: the preference, not the OS, decides.
  await chooseOption(page, '语言', 'English');
  await expect(page.getByLabel('Start forwarding on launch')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('with a Chinese operating system', () => {
  test.use({ locale: 'zh-CN' });

  test('"Follow system" shows Simplified Chinese without being asked', async ({ page, workspace, startBridge }) => {
    const bridge = await startBridge();
    await page.goto(bridge.url);
    await expect(page.getByRole('heading', { name: '欢迎使用 Karpor Desktop' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
    expect(workspace.readSettings()?.preferences.language ?? 'system').toBe('system');
  });
});

test('the dark theme applies to the whole window and is remembered', async ({ page, workspace, startBridge }) => {
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await completeFirstRun(page, workspace.file('config.yaml', kubeconfig));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLuminance(page, '.ant-layout')).toBeGreaterThan(0.8);

  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => backgroundLuminance(page, '.ant-layout')).toBeLessThan(0.15);
  expect(await backgroundLuminance(page, '.ant-card')).toBeLessThan(0.2);
  expect(workspace.readSettings()?.preferences.theme).toBe('dark');
  await screenshot(page, 'settings-en-dark');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('menuitem', { name: 'Profiles' }).click();
  await expect(page.getByRole('row', { name: /kind-karpor/ })).toBeVisible();
  await screenshot(page, 'profiles-en-dark');

  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await chooseOption(page, 'Language', '简体中文');
  await expect(page.getByRole('radio', { name: '深色' })).toBeChecked();
  await screenshot(page, 'settings-zh-CN-dark');
  await page.getByRole('menuitem', { name: '配置' }).click();
  await screenshot(page, 'profiles-zh-CN-dark');
});

test('"Follow system" theme tracks the OS colour scheme live', async ({ page, workspace, startBridge }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Kubeconfig file').fill(workspace.file('config.yaml', kubeconfig));
  await expect(page.getByLabel('Profile name')).toHaveValue('kind-karpor');
  await screenshot(page, 'first-run-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLuminance(page, '.ant-layout')).toBeGreaterThan(0.8);
});
