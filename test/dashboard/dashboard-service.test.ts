// The dashboard service over real parts: the sandbox cluster and hub, the real forward engine, the
// real accounts/tokens services and vault. Only the edges a desktop provides (the window, the system
// browser, the clipboard, notifications) are recorders.
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createServices, type Services } from '../../electron/services.ts';
import { createAesGcmEncryptor } from '../../electron/accounts/vault/aes-gcm-encryptor.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { serviceForwardPort, wireDashboardService } from '../../electron/dashboard/dashboard-wiring.ts';
import type { DashboardService, DashboardWindowRequest } from '../../electron/dashboard/dashboard-service.ts';
import { forwardService, freePort } from '../forward/forward-helpers.ts';

function authnStatus(port: number, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: '/rest-api/v1/authn', rejectUnauthorized: false, agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard service (sandbox, real forward and accounts)', () => {
  let sandbox: Sandbox;
  let dir: string;
  let services: Services;
  let forward: ForwardService;
  let port: number;
  let dashboard: DashboardService;
  const windows: DashboardWindowRequest[] = [];
  const external: string[] = [];
  const notes: string[] = [];
  const progress: string[] = [];
  let clipboard = '';

  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = await mkdtemp(join(tmpdir(), 'karpor-dashboard-'));
    port = await freePort();
    forward = forwardService();
    services = createServices({
      settingsDir: join(dir, 'settings'),
      version: '0.0.0-test',
      homeDir: dir,
      getEnv: () => ({}),
      accounts: {
        forward: async () => ({ server: `https://127.0.0.1:${port}`, release: async () => undefined }),
        encryptor: createAesGcmEncryptor(randomBytes(32), 'os'),
        clipboard: {
          writeText: async (t) => void (clipboard = t),
          readText: async () => clipboard,
        },
      },
    });
    services.settings.saveProfile({ name: 'sandbox', kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox', localPort: port });
    dashboard = wireDashboardService({
      forward: serviceForwardPort(forward, () => services.accounts.activeProfile()),
      accounts: services.accounts,
      settings: services.settings,
      openInApp: (req) => void windows.push(req),
      openExternal: async (url) => void external.push(url),
      notify: (title, body) => void notes.push(`${title}: ${body}`),
      onProgress: (m) => void progress.push(m),
      forwardWaitMs: 15_000,
    });
  });
  afterAll(async () => {
    await forward?.stop();
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts the stopped forward, mints a token for the account and opens the in-app window on the dashboard origin', async () => {
    expect(forward.state().status).toBe('stopped');
    // No such account yet: said plainly, and nothing opens.
    await expect(dashboard.open({ account: 'karpor-admin' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no account "karpor-admin"/i) });
    expect(windows).toEqual([]);
    await services.accounts.accounts.create({ name: 'karpor-admin', role: 'karpor-admin' });
    const opened = await dashboard.open({ account: 'karpor-admin' });
    expect(forward.state().status).toBe('ready');
    expect(progress.length).toBeGreaterThan(0);
    expect(opened).toMatchObject({ url: `https://127.0.0.1:${port}/`, account: 'karpor-admin', target: 'app', token: 'minted' });
    const req = windows.at(-1);
    expect(req?.url).toBe(`https://127.0.0.1:${port}/`);
    expect(req?.account).toEqual({ namespace: 'default', name: 'karpor-admin' });
    expect(req?.token).toBeTruthy();
    expect(req?.url).not.toContain(req?.token ?? '');
    expect(await authnStatus(port, req?.token ?? '')).toBe(200);
    // Kept in the vault for next time.
    expect((await services.accounts.vault.list()).map((t) => t.account)).toContain('karpor-admin');
  });

  it('reuses the kept token next time, and mints a fresh one when asked after a refusal', async () => {
    const first = windows.at(-1)?.token;
    expect(await dashboard.open({ account: 'karpor-admin' })).toMatchObject({ token: 'reused' });
    expect(windows.at(-1)?.token).toBe(first);
    expect(await dashboard.open({ account: 'karpor-admin', forceMint: true })).toMatchObject({ token: 'minted' });
    expect(windows.at(-1)?.token).not.toBe(first);
  });

  it('opens the system browser with the token on the clipboard, never in the URL', async () => {
    notes.length = 0;
    const opened = await dashboard.open({ account: 'karpor-admin', target: 'browser' });
    expect(opened.target).toBe('browser');
    expect(external.at(-1)).toBe(`https://127.0.0.1:${port}/`);
    expect(await authnStatus(port, clipboard)).toBe(200);
    expect(notes.join('\n')).toMatch(/paste it into the dashboard's login box/i);
    expect(notes.join('\n')).not.toContain(clipboard);
  });

  it('uses the default account setting, and says what to do when there is none', async () => {
    await services.accounts.accounts.create({ name: 'karpor-guest', role: 'karpor-guest' });
    await expect(dashboard.open()).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/no default account/i) });
    services.settings.updatePreferences({ dashboardDefaultAccount: 'karpor-guest' });
    expect(await dashboard.open()).toMatchObject({ account: 'karpor-guest', token: 'minted' });
    expect(windows.at(-1)?.account?.name).toBe('karpor-guest');
  });

  it('with RBAC off opens without a token', async () => {
    sandbox.hub.setRbac(false);
    try {
      expect(await dashboard.open({ account: 'karpor-admin' })).toMatchObject({ account: null, token: 'none' });
      expect(windows.at(-1)?.token).toBeNull();
    } finally {
      sandbox.hub.setRbac(true);
    }
  });

  it('explains a forward that does not become ready instead of opening a window onto nothing', async () => {
    await forward.stop();
    await sandbox.setReplicas(0);
    const before = windows.length;
    const slow = wireDashboardService({
      forward: serviceForwardPort(forward, () => services.accounts.activeProfile()),
      accounts: services.accounts,
      settings: services.settings,
      openInApp: (req) => void windows.push(req),
      openExternal: async () => undefined,
      forwardWaitMs: 1_500,
    });
    try {
      await expect(slow.open({ account: 'karpor-admin' })).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/did not become ready within 2 s\. Last status: /) });
      expect(windows.length).toBe(before);
    } finally {
      await sandbox.setReplicas(1);
    }
  });
});
