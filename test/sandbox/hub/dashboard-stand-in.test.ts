import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubFixture } from './hub-fixture.ts';

// Debian's Chromium; the same flags as playwright.config.ts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** A ServiceAccount bound to `role` and a token for it, made through the hub API as the app would. */
async function account(f: HubFixture, name: string, role: string | null): Promise<string> {
  const kc = new KubeConfig();
  kc.loadFromString(f.hub.kubeconfigYaml(`https://127.0.0.1:${f.pod.port}`));
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name } } });
  if (role) {
    await kc.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
      body: { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }] },
    });
  }
  const tr = await core.createNamespacedServiceAccountToken({ name, namespace: 'default', body: { spec: { audiences: [], expirationSeconds: 3600 } } });
  return tr.status?.token ?? '';
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  // Far below the test timeout, so a wrong expectation fails with Playwright's own message.
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  return page;
}

/** What an auto-login script does with a React-controlled input: the native value setter, then an `input` event. */
async function typeLikeReactExpects(page: Page, token: string): Promise<void> {
  // The page renders after reading /server-configs, after the load event; a script must wait for the input too.
  await page.locator('input.ant-input').waitFor();
  await page.evaluate((t) => {
    const input = document.querySelector('input.ant-input');
    if (!(input instanceof HTMLInputElement)) throw new Error('no token input');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, token);
}

// Vitest polls for 1 s by default; a loaded CI machine needs longer for a page to react.
const POLL = { timeout: 5000 };

/** Clicks the admin action of /cluster; on failure says where the app really was. */
async function clickAdminAction(page: Page): Promise<void> {
  try {
    await page.getByTestId('admin-action').click();
  } catch (e) {
    const title = await page.getByTestId('page-title').textContent().catch(() => null);
    throw new Error(`no admin action at ${page.url()} (page title ${String(title)}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const loginButton = (page: Page) => page.locator('button.ant-btn.ant-btn-primary', { hasText: 'Login' });

describe('dashboard stand-in: the Karpor UI login contract', () => {
  it('redirects a protected route to /login, logs in with the token and goes back to it', async () => {
    const f = await startTestHub();
    const token = await account(f, 'karpor-admin', 'karpor-admin');
    const page = await newPage();
    const base = `https://127.0.0.1:${f.pod.port}`;
    await page.goto(`${base}/insight`);
    await page.waitForURL(`${base}/login`);

    const inputs = page.locator('input');
    expect(await inputs.count()).toBe(1);
    const input = page.locator('input.ant-input');
    for (const attr of ['id', 'name', 'placeholder']) expect(await input.getAttribute(attr)).toBeNull();
    expect(await loginButton(page).count()).toBe(1);

    await typeLikeReactExpects(page, token);
    await loginButton(page).click();
    await page.waitForURL(`${base}/insight`);
    await expect.poll(() => page.getByTestId('page-title').textContent(), POLL).toBe('Insight');
    await expect.poll(() => page.getByTestId('whoami').textContent(), POLL).toBe('system:serviceaccount:default:karpor-admin');
    expect(await page.evaluate(() => localStorage.getItem('token'))).toBe(token);
    expect(await page.locator('button', { hasText: 'Logout' }).count()).toBe(1);

    // The logged-in flag lives in memory only: a reload forgets it although the token stays stored.
    await page.reload();
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/search`);
    await expect.poll(() => page.getByTestId('page-title').textContent(), POLL).toBe('Search');
    expect(page.url()).toBe(`${base}/search`);
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/search`);
    await page.context().close();
  });

  it('shows "Login failed" for a rejected token and ignores a value React would not have seen', async () => {
    const f = await startTestHub();
    const page = await newPage();
    const base = `https://127.0.0.1:${f.pod.port}`;
    await page.goto(`${base}/search`);
    await page.goto(`${base}/login`);
    // Assigning through the element itself, as React's value tracker sees it, is not a change.
    await page.locator('input.ant-input').waitFor();
    await page.evaluate(() => {
      const input = document.querySelector('input.ant-input') as HTMLInputElement;
      input.value = 'something';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await loginButton(page).click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), POLL).toBe('Please input token');

    await typeLikeReactExpects(page, 'garbage');
    await loginButton(page).click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), POLL).toContain('Login failed');
    expect(page.url()).toBe(`${base}/login`);
    await page.context().close();
  });

  it('a window whose first page is /login leaves the app after logging in', async () => {
    const f = await startTestHub();
    const token = await account(f, 'karpor-guest', 'karpor-guest');
    const page = await newPage();
    await page.goto(`https://127.0.0.1:${f.pod.port}/login`);
    await typeLikeReactExpects(page, token);
    await loginButton(page).click();
    await page.waitForURL('about:blank');
    await page.context().close();
  });

  it('guest sees 403 on the admin action, admin gets 200; Logout clears the token; a 401 logs out', async () => {
    const f = await startTestHub();
    const guest = await account(f, 'karpor-guest', 'karpor-guest');
    const admin = await account(f, 'karpor-admin', 'karpor-admin');
    const base = `https://127.0.0.1:${f.pod.port}`;
    const page = await newPage();

    for (const [token, expected] of [
      [guest, '403'],
      [admin, '200'],
    ] as const) {
      await page.goto(`${base}/cluster`);
      await page.waitForURL(`${base}/login`);
      await typeLikeReactExpects(page, token);
      await loginButton(page).click();
      await page.waitForURL(`${base}/cluster`);
      await clickAdminAction(page);
      await expect.poll(() => page.getByTestId('action-result').textContent(), POLL).toBe(expected);
    }

    await page.locator('button', { hasText: 'Logout' }).click();
    expect(await page.evaluate(() => localStorage.getItem('token'))).toBe('');
    await page.waitForURL(`${base}/login`);

    // Log in again, then revoke the account: the next API call gets 401 and the app logs out.
    await page.goBack();
    await page.waitForURL(`${base}/login`);
    await typeLikeReactExpects(page, admin);
    await loginButton(page).click();
    await page.waitForURL(`${base}/cluster`);
    const kc = new KubeConfig();
    kc.loadFromString(f.hub.kubeconfigYaml(`${base}`));
    await kc.makeApiClient(CoreV1Api).deleteNamespacedServiceAccount({ name: 'karpor-admin', namespace: 'default' });
    await clickAdminAction(page);
    await page.waitForURL(`${base}/login`);
    await page.context().close();
  });

  it('with RBAC off never asks for a token', async () => {
    const f = await startTestHub({ rbac: false });
    const page = await newPage();
    const base = `https://127.0.0.1:${f.pod.port}`;
    await page.goto(`${base}/cluster`);
    await expect.poll(() => page.getByTestId('page-title').textContent(), POLL).toBe('Cluster Management');
    expect(page.url()).toBe(`${base}/cluster`);
    expect(await page.locator('button', { hasText: 'Logout' }).count()).toBe(0);
    await clickAdminAction(page);
    await expect.poll(() => page.getByTestId('action-result').textContent(), POLL).toBe('200');
    await page.context().close();
  });
});
