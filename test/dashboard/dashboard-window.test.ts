// The dashboard window adapter through the Electron fake: what it asks Electron for, and how it
// answers the events Electron would fire. The decisions come from the pure rules tested elsewhere;
// here the point is that the adapter wires them to the right events with the right scope.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, Session, dialog, session, shell } from '../setup/electron-fake.ts';
import { createServingCert, type KeyAndCert } from '../sandbox/hub/certs.ts';
import { createDashboardWindows, type DashboardWindows } from '../../electron/dashboard/dashboard-window.ts';
import { AUTOLOGIN_CONFIG_CHANNEL, AUTOLOGIN_REPORT_CHANNEL } from '../../electron/dashboard/dashboard-channels.ts';
import type { AccountRef } from '../../electron/dashboard/account-ref.ts';

const admin: AccountRef = { namespace: 'default', name: 'karpor-admin' };
const guest: AccountRef = { namespace: 'default', name: 'karpor-guest' };
const URL_7443 = 'https://127.0.0.1:7443/';

let seen: KeyAndCert;
let other: KeyAndCert;
beforeAll(async () => {
  [seen, other] = await Promise.all([createServingCert(), createServingCert()]);
});

let windows: DashboardWindows;
let reminted: AccountRef[];
beforeEach(() => {
  BrowserWindow.instances.length = 0;
  shell.opened.length = 0;
  dialog.messageCalls.length = 0;
  reminted = [];
  windows = createDashboardWindows({
    preloadPath: '/app/dist/dashboard/preload.cjs',
    trustedFingerprint: () => seen.cert.fingerprint256,
    remint: async (account) => void reminted.push(account),
    log: () => undefined,
  });
});

const only = (): BrowserWindow => {
  expect(BrowserWindow.instances).toHaveLength(1);
  return BrowserWindow.instances[0] as BrowserWindow;
};
function event(extra: Record<string, unknown> = {}) {
  const e = { prevented: false, returnValue: undefined as unknown, preventDefault: () => void (e.prevented = true), ...extra };
  return e;
}
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('dashboard window', () => {
  it('is sandboxed, isolated, Node-free, on its account\'s own partition, and loads the dashboard URL without the token', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 'secret-admin-token' });
    const win = only();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, partition: 'persist:karpor-dashboard-default.karpor-admin', preload: '/app/dist/dashboard/preload.cjs' });
    expect(win.calls).toEqual([`loadURL ${URL_7443}`]);
    expect(JSON.stringify(win.options)).not.toContain('secret-admin-token');
  });

  it('hands the token only to its preload on the dashboard origin, top frame', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 'secret-admin-token' });
    const ipc = only().webContents.ipc;
    const ask = (e: ReturnType<typeof event>) => (ipc.emit(AUTOLOGIN_CONFIG_CHANNEL, e), e.returnValue);
    expect(ask(event(frame('https://127.0.0.1:7443/insight')))).toMatchObject({ token: 'secret-admin-token' });
    expect(ask(event(frame('https://127.0.0.1:7443/', { url: 'x' })))).toEqual({});
    expect(ask(event(frame('https://127.0.0.1:7444/')))).toEqual({});
    expect(ask(event(frame('https://evil.example/')))).toEqual({});
    expect(ask(event({ senderFrame: null }))).toEqual({});
  });

  it('accepts a certificate error only for the forward\'s certificate on 127.0.0.1:<local port>', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't' });
    const contents = only().webContents;
    const check = (url: string, pem: string) => {
      const e = event();
      let trusted: boolean | null = null;
      contents.emit('certificate-error', e, url, 'net::ERR_CERT_AUTHORITY_INVALID', { data: pem }, (ok: boolean) => (trusted = ok), true);
      return { trusted, prevented: e.prevented };
    };
    expect(check('https://127.0.0.1:7443/', seen.certPem)).toEqual({ trusted: true, prevented: true });
    expect(check('https://127.0.0.1:7443/', other.certPem)).toEqual({ trusted: false, prevented: false });
    expect(check('https://127.0.0.1:8443/', seen.certPem)).toEqual({ trusted: false, prevented: false });
    expect(check('https://localhost:7443/', seen.certPem)).toEqual({ trusted: false, prevented: false });
  });

  it('keeps navigation on the dashboard, sends other https links to the system browser, denies the rest', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't' });
    const win = only();
    const open = win.webContents.windowOpenHandler;
    expect(open?.({ url: 'https://www.kusionstack.io/karpor' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'https://127.0.0.1:7443/insight' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.kusionstack.io/karpor']);
    expect(win.calls).toContain('loadURL https://127.0.0.1:7443/insight');
    const nav = (name: string, url: string) => {
      const e = event({ url });
      win.webContents.emit(name, e);
      return e.prevented;
    };
    expect(nav('will-navigate', 'https://127.0.0.1:7443/cluster')).toBe(false);
    expect(nav('will-navigate', 'http://127.0.0.1:7443/')).toBe(true);
    expect(nav('will-navigate', 'https://github.com/KusionStack/karpor')).toBe(true);
    expect(shell.opened).toContain('https://github.com/KusionStack/karpor');
    expect(nav('will-redirect', 'https://evil.example/')).toBe(true);
    expect(nav('will-attach-webview', 'https://127.0.0.1:7443/')).toBe(true);
  });

  it('denies downloads and permission requests in the dashboard\'s session', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't' });
    const ses = session.fromPartition('persist:karpor-dashboard-default.karpor-admin') as Session;
    let granted: boolean | null = null;
    ses.permissionRequestHandler?.({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(ses.permissionCheckHandler?.({}, 'notifications')).toBe(false);
    const e = event();
    ses.emit('will-download', e, {});
    expect(e.prevented).toBe(true);
  });

  it('one window per account: the same account is focused (reloaded for a new token), another gets its own', () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't1' });
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't1' });
    const win = only();
    expect(win.calls).toEqual([`loadURL ${URL_7443}`, 'focus']);
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't2' });
    expect(win.calls).toEqual([`loadURL ${URL_7443}`, 'focus', `loadURL ${URL_7443}`, 'focus']);
    windows.show({ account: guest, url: URL_7443, localPort: 7443, token: 'g' });
    expect(BrowserWindow.instances).toHaveLength(2);
    expect((BrowserWindow.instances[1]?.options.webPreferences as Record<string, unknown>).partition).toBe('persist:karpor-dashboard-default.karpor-guest');
  });

  it('turns a refused token into a clear message whose button mints a new one', async () => {
    windows.show({ account: admin, url: URL_7443, localPort: 7443, token: 't' });
    const ipc = only().webContents.ipc;
    dialog.nextMessageResponse = 0;
    ipc.emit(AUTOLOGIN_REPORT_CHANNEL, frame(URL_7443), { type: 'failed', reason: 'rejected', status: 401 });
    await expect.poll(() => reminted).toEqual([admin]);
    const options = dialog.messageCalls[0]?.[1] as { message: string; buttons: string[] };
    expect(options.message).toMatch(/refused the token of the account "karpor-admin"/);
    expect(options.buttons).toEqual(['Mint a new token', 'Close']);
    // Reports from elsewhere, or that do not match the protocol, are ignored.
    ipc.emit(AUTOLOGIN_REPORT_CHANNEL, frame('https://evil.example/'), { type: 'failed', reason: 'rejected' });
    ipc.emit(AUTOLOGIN_REPORT_CHANNEL, frame(URL_7443), { type: 'failed', reason: 'whatever' });
    ipc.emit(AUTOLOGIN_REPORT_CHANNEL, frame(URL_7443), { type: 'logged-in' });
    await new Promise((r) => setTimeout(r, 20));
    expect(dialog.messageCalls).toHaveLength(1);
  });
});
