// electron/main.ts against the Electron fake: what it asks Electron to do at start-up, that a call
// from the window reaches the real services, and what it does on the way out.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, ipcMain, Notification, protocol, Tray } from 'electron';
import { channelNames, type Envelope } from '../../electron/ipc/contract.ts';
import { tempDir, type TempDir } from './helpers/kubeconfigs.ts';

const fakeApp = app as unknown as { sandboxEnabled: boolean; setPathCalls: [string, string][]; quitCalls: number; emit(e: string, ...a: unknown[]): boolean };
const handlers = (ipcMain as unknown as { handlers: Map<string, (e: unknown, i?: unknown) => Promise<Envelope<unknown>>> }).handlers;
const windows = () => (BrowserWindow as unknown as { instances: (BrowserWindow & { calls: string[]; options: { webPreferences: Record<string, unknown> } })[] }).instances;
const trays = () => (Tray as unknown as { instances: { destroyed: boolean; menus: { template: { label?: string }[] }[] }[] }).instances;
const fakeProtocol = protocol as unknown as { privileged: { scheme: string }[]; handlers: Map<string, unknown> };
const shown = (Notification as unknown as { shown: { title: string; body: string }[] }).shown;
const fakeClipboard = clipboard as unknown as { text: string };
const frame = { senderFrame: { url: 'app://karpor/index.html', parent: null } };
const TOKEN = 'kept-token-for-the-clipboard-0123456789';

describe('main process wiring', () => {
  let tmp: TempDir;
  const originalPath = process.env.PATH;
  beforeAll(async () => {
    tmp = tempDir();
    vi.spyOn(app, 'getPath').mockImplementation((name: string) => path.join(tmp.dir, name));
    // A stand-in login shell that adds a folder to PATH, as a user's ~/.profile would.
    const shell = path.join(tmp.dir, 'login-shell');
    writeFileSync(shell, '#!/bin/sh\nPATH="/kd-login-shell-bin:$PATH"; export PATH\nexec /bin/sh -c "$2"\n');
    chmodSync(shell, 0o755);
    vi.stubEnv('SHELL', shell);
    vi.stubEnv('XDG_CONFIG_HOME', path.join(tmp.dir, 'xdg'));
    vi.stubEnv('XDG_CURRENT_DESKTOP', 'KDE');
    vi.stubEnv('KARPOR_DESKTOP_SETTINGS_DIR', '');
    // A kept token close to its expiry (1 h lifetime, 5 min left): the notifier warns at start-up.
    const now = Date.now();
    mkdirSync(path.join(tmp.dir, 'userData'), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'userData', 'token-vault.json'), JSON.stringify({ version: 1, entries: [{
      id: 'tok1', hubId: 'p1', account: 'alice', namespace: 'karpor', role: null,
      issuedAt: new Date(now - 55 * 60_000).toISOString(), expiresAt: new Date(now + 5 * 60_000).toISOString(),
      requestedSeconds: 3600, sealed: Buffer.from(`fake-sealed:${TOKEN}`).toString('base64'),
    }] }));
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(windows()).toHaveLength(1), { timeout: 10_000 });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    process.env.PATH = originalPath;
    tmp.cleanup();
  });

  it('enables the sandbox, pins userData to the folder the CLI uses, registers the app scheme', () => {
    expect(fakeApp.sandboxEnabled).toBe(true);
    expect(fakeApp.setPathCalls).toContainEqual(['userData', path.join(tmp.dir, 'appData', 'karpor-desktop')]);
    expect(fakeProtocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(fakeProtocol.handlers.has('app')).toBe(true);
  });

  it('takes the login shell PATH for exec credential plugins before anything runs', () => {
    expect(process.env.PATH?.split(path.delimiter)[0]).toBe('/kd-login-shell-bin');
    // Nothing the app had is lost (duplicates are dropped).
    expect(new Set(process.env.PATH?.split(path.delimiter))).toEqual(new Set(['/kd-login-shell-bin', ...(originalPath ?? '').split(path.delimiter)]));
  });

  it('registers every channel and answers the window with the real services', async () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    const view = await handlers.get('settings:get')!(frame, undefined);
    expect(view).toMatchObject({ ok: true, value: { settings: { schemaVersion: 1, preferences: { forwardingWasOn: true } } } });
    expect(existsSync(path.join(tmp.dir, 'userData', 'settings.json'))).toBe(true);
  });

  it('tells the window a tray is shown on this desktop', async () => {
    expect(await handlers.get('app:desktopStatus')!(frame, undefined)).toEqual({ ok: true, value: { noTrayMessageKey: null } });
  });

  it('opens one sandboxed window on the app page with the bundled preload', () => {
    expect(windows()).toHaveLength(1);
    const win = windows()[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(win.calls).toContain('loadURL app://karpor/index.html');
  });

  it('warns in a desktop notification that a kept token expires soon', async () => {
    await vi.waitFor(() => expect(shown).toContainEqual({ title: 'A Karpor token expires soon', body: expect.stringMatching(/^The token of karpor\/alice expires in [45] min\./) }));
  });

  it('shows a tray whose menu follows the settings', async () => {
    const tray = trays()[0]!;
    expect(tray.menus.at(-1)?.template.map((i) => i.label)).toContain('Open window');
    await handlers.get('preferences:update')!(frame, { theme: 'dark' });
    expect(tray.menus.length).toBeGreaterThanOrEqual(2);
  });

  it('hides the window on close; on quit clears a copied token, destroys the tray, then quits and really closes', async () => {
    const win = windows()[0]!;
    win.close();
    expect(win.calls.at(-1)).toBe('hide');
    expect(win.isDestroyed()).toBe(false);

    expect(await handlers.get('tokens:copy')!(frame, { id: 'tok1' })).toMatchObject({ ok: true });
    expect(fakeClipboard.text).toBe(TOKEN);

    let prevented = 0;
    fakeApp.emit('before-quit', { preventDefault: () => { prevented += 1; } });
    expect(prevented).toBe(1); // held back until the clean-up is done
    await vi.waitFor(() => expect(fakeApp.quitCalls).toBe(1));
    expect(fakeClipboard.text).toBe('');
    expect(trays()[0]?.destroyed).toBe(true);

    // The quit main asked for goes through.
    fakeApp.emit('before-quit', { preventDefault: () => { prevented += 1; } });
    expect(prevented).toBe(1);
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('shows the window again on a second launch', async () => {
    const before = windows().length;
    fakeApp.emit('second-instance');
    await vi.waitFor(() => expect(windows().length).toBe(before + 1)); // the first one was destroyed above
  });
});
