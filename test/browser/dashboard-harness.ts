// Set-up shared by the dashboard browser specs: a sandbox hub (or a real Karpor UI build served by it,
// when KARPOR_DASHBOARD_DIR names one), accounts and tokens made through the hub API, and pages with
// the built auto-login script injected the way the dashboard window injects it: before any page script.
import { readFileSync } from 'node:fs';
import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { buildBundles } from '../../scripts/build.ts';
import { createHub, type Hub, type HubPod } from '../sandbox/hub/index.ts';
import { AUTOLOGIN_GLOBAL, parseConsoleReport, type AutologinReport } from '../../electron/dashboard/autologin/protocol.ts';

export const AUTOLOGIN_BUNDLE = 'dist/dashboard/autologin.js';
/** A real Karpor UI build (the `build` folder of KusionStack/karpor's `ui/`), or undefined for the stand-in. */
export const realUiDir = process.env.KARPOR_DASHBOARD_DIR || undefined;

/** Builds the shipped file, so the tests exercise exactly what the app injects. */
export async function loadAutologinBundle(): Promise<string> {
  await buildBundles(['dashboard/autologin/index.ts']);
  return readFileSync(AUTOLOGIN_BUNDLE, 'utf8');
}

export interface TestHub {
  hub: Hub;
  pod: HubPod;
  base: string;
  /** Moves the hub's clock forward (token expiry without waiting). */
  advanceClock(ms: number): void;
  createAccount(name: string, role: string | null): Promise<void>;
  deleteAccount(name: string): Promise<void>;
  mintToken(name: string, seconds?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestHub(opts: { rbac?: boolean } = {}): Promise<TestHub> {
  let offsetMs = 0;
  const hub = await createHub({ rbac: opts.rbac ?? true, dashboardDir: realUiDir, now: () => new Date(Date.now() + offsetMs) });
  const pod = await hub.startPod('karpor-server-dashboard-test');
  const base = `https://127.0.0.1:${pod.port}`;
  const kc = new KubeConfig();
  kc.loadFromString(hub.kubeconfigYaml(base));
  const core = kc.makeApiClient(CoreV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  return {
    hub,
    pod,
    base,
    advanceClock: (ms) => {
      offsetMs += ms;
    },
    async createAccount(name, role) {
      await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name } } });
      if (role) {
        await rbac.createClusterRoleBinding({
          body: { metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: [{ kind: 'ServiceAccount', name, namespace: 'default' }] },
        });
      }
    },
    async deleteAccount(name) {
      await core.deleteNamespacedServiceAccount({ name, namespace: 'default' });
    },
    async mintToken(name, seconds = 3600) {
      const tr = await core.createNamespacedServiceAccountToken({ name, namespace: 'default', body: { spec: { audiences: [], expirationSeconds: seconds } } });
      const token = tr.status?.token;
      if (!token) throw new Error('the hub returned no token');
      return token;
    },
    stop: () => hub.stop(),
  };
}

export interface DashboardPage {
  page: Page;
  context: BrowserContext;
  reports: AutologinReport[];
  /** Every GET /rest-api/v1/authn the page made (the script's checks and the login form's submissions). */
  authnRequests: () => number;
  /** Every URL the page requested, to prove the token never travels in one. */
  urls: string[];
  /** Animation frames in which the login input was visible to the user. */
  loginVisibleFrames: () => Promise<number>;
  close(): Promise<void>;
}

// Runs in the page's world from its very first script: counts frames in which the login page's token
// input is visible (not hidden by CSS visibility, display or opacity), i.e. what the user would have
// seen. Only on /login: other pages of the real UI have inputs of their own (the search box).
const VISIBILITY_PROBE = `(() => {
  window.__loginVisibleFrames = 0;
  const tick = () => {
    const input = document.querySelector('input.ant-input');
    if (location.pathname.startsWith('/login') && input && input.checkVisibility({ visibilityProperty: true, opacityProperty: true })) window.__loginVisibleFrames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * Where the script runs: `isolated` is how the Electron window runs it (its preload's isolated world:
 * same DOM and storage, but none of the page's JavaScript objects), via Chromium's own
 * "script on new document in a named world"; `main` is the page's own world.
 */
export type ScriptWorld = 'isolated' | 'main';
export const scriptWorlds: readonly ScriptWorld[] = ['isolated', 'main'];

/**
 * A fresh browser context (its own storage, like the window's own partition) with the auto-login
 * injected at document-start. `token` null: no config at all (RBAC off, as the window does it).
 */
export async function openDashboardPage(browser: Browser, bundle: string, token: string | null, world: ScriptWorld = 'isolated'): Promise<DashboardPage> {
  // Only the test context skips certificate checks; the app trusts the forward's recorded fingerprint instead.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const config = token === null ? '' : `window[${JSON.stringify(AUTOLOGIN_GLOBAL)}] = ${JSON.stringify({ token })};\n`;
  await context.addInitScript({ content: VISIBILITY_PROBE });
  const page = await context.newPage();
  const reports: AutologinReport[] = [];
  const urls: string[] = [];
  let authn = 0;
  const take = (text: string): void => {
    const report = parseConsoleReport(text);
    if (report) reports.push(report);
  };
  if (world === 'main') {
    await context.addInitScript({ content: `${config}${bundle}` });
    page.on('console', (msg) => take(msg.text()));
  } else {
    const cdp = await context.newCDPSession(page);
    // Console calls of every world, isolated ones included.
    cdp.on('Runtime.consoleAPICalled', (e) => take(e.args.map((a) => (typeof a.value === 'string' ? a.value : '')).join(' ')));
    await cdp.send('Runtime.enable');
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: `${config}${bundle}`, worldName: 'karpor-autologin' });
  }
  page.on('request', (req) => {
    urls.push(req.url());
    if (new URL(req.url()).pathname === '/rest-api/v1/authn') authn += 1;
  });
  return {
    page,
    context,
    reports,
    urls,
    authnRequests: () => authn,
    loginVisibleFrames: () => page.evaluate(() => Number(Reflect.get(window, '__loginVisibleFrames') ?? 0)),
    close: () => context.close(),
  };
}

/** "Logged in" as the dashboard itself shows it: the stand-in names the user; the real UI shows a Logout link. */
export async function loggedInAs(page: Page): Promise<string | null> {
  if (new URL(page.url()).pathname.startsWith('/login')) return null;
  if (realUiDir) {
    const logout = page.getByRole('button', { name: /^(logout|登出|ausloggen|로그아웃)$/i });
    return (await logout.isVisible()) ? 'logged-in' : null;
  }
  const whoami = page.getByTestId('whoami');
  return (await whoami.isVisible()) ? ((await whoami.textContent()) ?? '') : null;
}

/** What the server answers the dashboard's admin-only action (registering a cluster) for the stored token. */
export function adminActionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const token = localStorage.getItem('token') ?? '';
    const res = await fetch(`/rest-api/v1/cluster/probe-${Date.now().toString(36)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    return res.status;
  });
}
