// electron/main.ts on a desktop without a tray (GNOME without the AppIndicator extension), launched at
// login, with its settings folder from KARPOR_DESKTOP_SETTINGS_DIR and forwarding off when it last quit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Notification } from 'electron';
import type { Envelope } from '../../electron/ipc/contract.ts';
import { tempDir, type TempDir } from './helpers/kubeconfigs.ts';

const fakeApp = app as unknown as { setPathCalls: [string, string][] };
const handlers = (ipcMain as unknown as { handlers: Map<string, (e: unknown, i?: unknown) => Promise<Envelope<unknown>>> }).handlers;
const windows = () => (BrowserWindow as unknown as { instances: (BrowserWindow & { calls: string[] })[] }).instances;
const shown = (Notification as unknown as { shown: { title: string; body: string }[] }).shown;
const frame = { senderFrame: { url: 'app://karpor/index.html', parent: null } };
const call = async (channel: string, input?: unknown): Promise<unknown> => {
  const result = await handlers.get(channel)!(frame, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
};

describe('main process on a desktop without a tray, launched at login', () => {
  let tmp: TempDir;
  const argv = process.argv;
  const autostart = () => path.join(tmp.dir, 'xdg', 'autostart', 'karpor-desktop.desktop');
  beforeAll(async () => {
    tmp = tempDir();
    vi.spyOn(app, 'getPath').mockImplementation((name: string) => path.join(tmp.dir, name));
    vi.stubEnv('KARPOR_DESKTOP_SETTINGS_DIR', path.join(tmp.dir, 'demo-settings'));
    vi.stubEnv('XDG_CURRENT_DESKTOP', 'ubuntu:GNOME');
    vi.stubEnv('XDG_CONFIG_HOME', path.join(tmp.dir, 'xdg'));
    vi.stubEnv('SHELL', ''); // keep the process PATH
    vi.stubEnv('DBUS_SESSION_BUS_ADDRESS', 'unix:path=/nonexistent'); // the tray probe cannot tell
    process.argv = [...argv, '--hidden'];
    mkdirSync(path.join(tmp.dir, 'userData'), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'userData', 'settings.json'), JSON.stringify({
      schemaVersion: 1,
      profiles: [{ id: 'p1', name: 'Lab', kubeconfigPath: path.join(tmp.dir, 'missing-kubeconfig'), context: 'lab', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 17443 }],
      activeProfileId: 'p1',
      preferences: { launchAtLogin: true, startForwardingOnLaunch: true, forwardingWasOn: false, language: 'zh-CN' },
    }));
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(windows()).toHaveLength(1), { timeout: 10_000 });
  });
  afterAll(() => {
    process.argv = argv;
    vi.unstubAllEnvs();
    tmp.cleanup();
  });

  it('keeps its settings where KARPOR_DESKTOP_SETTINGS_DIR says (npm run demo)', () => {
    expect(fakeApp.setPathCalls).toContainEqual(['userData', path.join(tmp.dir, 'demo-settings')]);
  });

  it('tells the window how to get a tray icon on GNOME', async () => {
    expect(await call('app:desktopStatus')).toEqual({ noTrayMessageKey: 'desktop.noTray.gnome' });
  });

  it('starts minimised, not hidden, and minimises on close: without a tray the window must stay reachable', () => {
    const win = windows()[0]!;
    win.emit('ready-to-show');
    expect(win.calls.at(-1)).toBe('minimize');
    win.close();
    expect(win.calls.at(-1)).toBe('minimize');
    expect(win.isDestroyed()).toBe(false);
  });

  it('writes the autostart entry and removes it when launch at login is turned off', async () => {
    await vi.waitFor(() => expect(readFileSync(autostart(), 'utf8')).toContain('--hidden'));
    await call('preferences:update', { launchAtLogin: false });
    await vi.waitFor(() => expect(existsSync(autostart())).toBe(false));
  });

  it('does not start forwarding that was off when the app last quit; remembers when the user turns it on', async () => {
    expect(await call('forward:state')).toMatchObject({ profileId: 'p1', state: { status: 'stopped' } });
    await call('forward:start');
    await vi.waitFor(async () => expect(await call('settings:get')).toMatchObject({ settings: { preferences: { forwardingWasOn: true } } }));
  });

  it('tells the user, in their language, when the forward needs them', async () => {
    await vi.waitFor(() => expect(shown).toContainEqual({ title: 'Lab：端口转发需要你处理', body: '此配置的 kubeconfig 无法使用。请打开配置进行修正。' }), { timeout: 5000 });
  });
});
