// Every control has a name a screen reader can say, and the first run works from the keyboard alone.
import type { Page } from '@playwright/test';
import { completeFirstRun, expect, kubeconfigYaml, test } from './fixtures.ts';

const kubeconfig = kubeconfigYaml([{ name: 'kind-karpor', server: 'https://127.0.0.1:6443' }, { name: 'other', server: 'https://127.0.0.1:6442' }], 'kind-karpor');

/** Interactive elements the accessibility tree shows without a name (`- button` instead of `- button "Save"`). */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => /^\s*- (button|textbox|combobox|switch|radio|checkbox|spinbutton|link|menuitem)(\s*\[[^\]]*\])*:?\s*$/.test(line));
}

test('every control on the welcome screen, the profiles page and the settings page has an accessible name', async ({ page, workspace, startBridge }) => {
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();
  // The check sees an unnamed control when there is one.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'unnamed-probe' })));
  expect(await unnamedControls(page)).toHaveLength(1);
  await page.evaluate(() => document.getElementById('unnamed-probe')?.remove());
  expect(await unnamedControls(page)).toEqual([]);
  await completeFirstRun(page, workspace.file('config.yaml', kubeconfig));
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByLabel('Kubeconfig file')).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page.getByRole('switch', { name: 'Launch at login' })).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
});

test('the first profile can be set up with the keyboard alone, and focus is visible', async ({ page, workspace, startBridge }) => {
  const file = workspace.file('config.yaml', kubeconfig);
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();

  // Tab from the top until the kubeconfig field has focus (bounded).
  const pathField = page.getByLabel('Kubeconfig file');
  for (let i = 0; i < 10 && !(await pathField.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(pathField).toBeFocused();
  // antd's focus ring on the field's frame: a glow that is there only while focused.
  const frameShadow = () => pathField.evaluate((el) => getComputedStyle(el.closest('.ant-input-affix-wrapper') ?? el).boxShadow);
  const focused = await frameShadow();
  expect(focused).not.toBe('none');
  await pathField.blur();
  await expect.poll(frameShadow).not.toBe(focused);
  await pathField.focus();
  await page.keyboard.type(file);
  await expect(page.getByText(`Read from: ${file}`)).toBeVisible();

  // Tab to the context select, open it and pick the second context with the arrow keys.
  const context = page.getByRole('combobox', { name: 'Context' });
  for (let i = 0; i < 5 && !(await context.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(context).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('context-option-other')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Profile name')).toHaveValue('other');

  // Enter in a field submits the form.
  await page.getByLabel('Profile name').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /other/ })).toContainText('Active');
  expect(workspace.readSettings()?.profiles.map((p) => p.context)).toEqual(['other']);

  // Buttons reached by Tab get the app's outline ring.
  const add = page.getByRole('button', { name: 'Add profile' });
  for (let i = 0; i < 15 && !(await add.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  expect(await add.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kubeconfig file')).toBeVisible();
});
