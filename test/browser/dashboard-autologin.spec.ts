// The dashboard auto-login in real Chromium against the sandbox hub (its Karpor UI stand-in, or a
// real Karpor UI build when KARPOR_DASHBOARD_DIR names one), with the built script injected at
// document-start exactly as the dashboard window's preload runs it.
import { test, expect, type Browser } from '@playwright/test';
import { adminActionStatus, loadAutologinBundle, loggedInAs, openDashboardPage, realUiDir, scriptWorlds, startTestHub, type DashboardPage, type ScriptWorld, type TestHub } from './dashboard-harness.ts';

let bundle: string;
test.beforeAll(async () => {
  bundle = await loadAutologinBundle();
});

const opened: DashboardPage[] = [];
const hubs: TestHub[] = [];
test.afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
  for (const h of hubs.splice(0)) await h.stop();
});

async function hubWith(accounts: Record<string, string | null>, rbac = true): Promise<TestHub> {
  const hub = await startTestHub({ rbac });
  hubs.push(hub);
  for (const [name, role] of Object.entries(accounts)) await hub.createAccount(name, role);
  return hub;
}
async function open(browser: Browser, token: string | null, world: ScriptWorld): Promise<DashboardPage> {
  const dash = await openDashboardPage(browser, bundle, token, world);
  opened.push(dash);
  return dash;
}
const path = (dash: DashboardPage): string => new URL(dash.page.url()).pathname;
const expectLoggedIn = async (dash: DashboardPage, account: string): Promise<void> => {
  await expect.poll(() => loggedInAs(dash.page), { timeout: 10_000 }).toBe(realUiDir ? 'logged-in' : `system:serviceaccount:default:${account}`);
};

// Isolated: as the Electron window runs it. Main: the page's own world (a host without isolated worlds).
for (const world of scriptWorlds) {
  test.describe(`dashboard auto-login (${world} world)`, () => {
    test('lands logged in on / without ever showing the login form', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin' });
      const token = await hub.mintToken('karpor-admin');
      const dash = await open(browser, token, world);
      await dash.page.goto(`${hub.base}/`);
      await expectLoggedIn(dash, 'karpor-admin');
      expect(path(dash)).not.toBe('/login');
      expect(dash.reports).toContainEqual({ type: 'logged-in' });
      expect(await dash.loginVisibleFrames()).toBe(0);
      expect(dash.urls.filter((u) => u.includes(token))).toEqual([]);
    });

    test('lands logged in on a deep route, and stays logged in across reloads', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin' });
      const dash = await open(browser, await hub.mintToken('karpor-admin'), world);
      await dash.page.goto(`${hub.base}/insight`);
      await expectLoggedIn(dash, 'karpor-admin');
      await expect.poll(() => path(dash)).toBe('/insight');
      for (let i = 0; i < 2; i += 1) {
        await dash.page.reload();
        await expectLoggedIn(dash, 'karpor-admin');
        await expect.poll(() => path(dash)).toBe('/insight');
      }
      expect(await dash.loginVisibleFrames()).toBe(0);
      expect(dash.reports.filter((r) => r.type === 'logged-in')).toHaveLength(3);
      expect(dash.reports.filter((r) => r.type === 'failed')).toEqual([]);
    });

    test('a guest gets guest rights and an admin gets admin rights', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin', 'karpor-guest': 'karpor-guest' });
      const guest = await open(browser, await hub.mintToken('karpor-guest'), world);
      const admin = await open(browser, await hub.mintToken('karpor-admin'), world);
      for (const dash of [guest, admin]) await dash.page.goto(`${hub.base}/cluster`);
      await expectLoggedIn(guest, 'karpor-guest');
      await expectLoggedIn(admin, 'karpor-admin');
      expect(await adminActionStatus(guest.page)).toBe(403);
      expect(await adminActionStatus(admin.page)).not.toBe(403);
      if (!realUiDir) {
        // The stand-in's own admin button, clicked as a user would.
        for (const [dash, status] of [[guest, '403'], [admin, '200']] as const) {
          await expect.poll(() => path(dash)).toBe('/cluster');
          await dash.page.getByTestId('admin-action').click();
          await expect(dash.page.getByTestId('action-result')).toHaveText(status);
        }
      }
    });

    test('an expired token ends on a clear failure, not a loop of login attempts', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin' });
      const token = await hub.mintToken('karpor-admin', 600);
      hub.advanceClock(11 * 60_000);
      const dash = await open(browser, token, world);
      await dash.page.goto(`${hub.base}/insight`);
      await expect.poll(() => dash.reports).toContainEqual({ type: 'failed', reason: 'rejected', status: 401 });
      // Give a loop every chance to show itself, then count.
      await dash.page.waitForTimeout(3_000);
      expect(dash.authnRequests()).toBeLessThanOrEqual(2);
      expect(dash.reports.filter((r) => r.type === 'failed')).toHaveLength(1);
      // The user is left at the dashboard's own login box (uncovered), where the window's message points.
      await expect.poll(() => path(dash)).toBe('/login');
      await expect(dash.page.locator('input.ant-input')).toBeVisible();
      await dash.page.reload();
      await expect.poll(() => dash.reports.filter((r) => r.type === 'failed').length).toBe(2);
      await dash.page.waitForTimeout(1_000);
      expect(dash.authnRequests()).toBeLessThanOrEqual(4);
    });

    test('a deleted account ends on a clear failure, and a logged-in page falls back without looping', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-guest': 'karpor-guest' });
      const dash = await open(browser, await hub.mintToken('karpor-guest'), world);
      await dash.page.goto(`${hub.base}/`);
      await expectLoggedIn(dash, 'karpor-guest');
      const before = dash.authnRequests();
      await hub.deleteAccount('karpor-guest');
      await dash.page.goto(`${hub.base}/insight`);
      await expect.poll(() => dash.reports).toContainEqual({ type: 'failed', reason: 'rejected', status: 401 });
      await dash.page.waitForTimeout(3_000);
      expect(dash.authnRequests() - before).toBeLessThanOrEqual(2);
      expect(await loggedInAs(dash.page)).toBeNull();
    });

    test('a token of an account without a dashboard role is reported as forbidden', async ({ browser }) => {
      const hub = await hubWith({ nobody: null });
      const dash = await open(browser, await hub.mintToken('nobody'), world);
      await dash.page.goto(`${hub.base}/insight`);
      await expect.poll(() => dash.reports).toContainEqual({ type: 'failed', reason: 'forbidden', status: 403 });
      await dash.page.waitForTimeout(2_000);
      expect(dash.authnRequests()).toBeLessThanOrEqual(2);
    });

    test('respects Logout: the login box stays and nothing is submitted', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin' });
      const dash = await open(browser, await hub.mintToken('karpor-admin'), world);
      await dash.page.goto(`${hub.base}/`);
      await expectLoggedIn(dash, 'karpor-admin');
      await dash.page.getByRole('button', { name: 'Logout' }).click();
      const before = dash.authnRequests();
      // A client-side route change (the real UI's menu item, the stand-in's link): a reload would log in again.
      await dash.page.getByRole(realUiDir ? 'menuitem' : 'link', { name: 'Insight' }).click();
      await expect.poll(() => path(dash)).toBe('/login');
      await expect(dash.page.locator('input.ant-input')).toBeVisible();
      await expect.poll(() => dash.reports).toContainEqual({ type: 'logged-out' });
      expect(dash.authnRequests()).toBe(before);
    });

    test('with RBAC off the dashboard opens without a token', async ({ browser }) => {
      const hub = await hubWith({}, false);
      const dash = await open(browser, null, world);
      const route = realUiDir ? '/' : '/insight';
      await dash.page.goto(`${hub.base}${route}`);
      if (!realUiDir) await expect(dash.page.getByTestId('page-title')).toHaveText('Insight');
      await dash.page.waitForTimeout(1_000);
      expect(path(dash)).not.toBe('/login');
      expect(dash.authnRequests()).toBe(0);
      expect(await dash.loginVisibleFrames()).toBe(0);
      expect(await dash.page.evaluate(() => localStorage.getItem('token'))).toBeNull();
    });

    test('with RBAC off a token given anyway is neither stored nor submitted', async ({ browser }) => {
      const hub = await hubWith({ 'karpor-admin': 'karpor-admin' }, false);
      const dash = await open(browser, await hub.mintToken('karpor-admin'), world);
      await dash.page.goto(`${hub.base}/`);
      await expect.poll(() => dash.reports).toContainEqual({ type: 'rbac-off' });
      expect(dash.authnRequests()).toBe(0);
      expect(path(dash)).not.toBe('/login');
      expect(await dash.page.evaluate(() => localStorage.getItem('token'))).toBeNull();
    });
  });
}
