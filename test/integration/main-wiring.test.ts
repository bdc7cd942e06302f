// electron/main.ts against the Electron fake: what it asks Electron to do at start-up, and that a
// call from the window reaches the real services.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, Tray } from 'electron';
import { channelNames, type Envelope } from '../../electron/ipc/contract.ts';
import { tempDir, type TempDir } from './helpers/kubeconfigs.ts';

const fakeApp = app as unknown as { sandboxEnabled: boolean; setPathCalls: [string, string][]; emit(e: string, ...a: unknown[]): boolean };
const handlers = (ipcMain as unknown as { handlers: Map<string, (e: unknown, i?: unknown) => Promise<Envelope<unknown>>> }).handlers;
const windows = () => (BrowserWindow as unknown as { instances: (BrowserWindow & { calls: string[]; options: { webPreferences: Record<string, unknown> } })[] }).instances;
const trays = () => (Tray as unknown as { instances: { destroyed: boolean; menus: { template: { label?: string }[] }[] }[] }).instances;
const fakeProtocol = protocol as unknown as { privileged: { scheme: string }[]; handlers: Map<string, unknown> };

describe('main process wiring', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = tempDir();
    vi.spyOn(app, 'getPath').mockImplementation((name: string) => path.join(tmp.dir, name));
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(trays()).toHaveLength(1));
  });
  afterAll(() => tmp.cleanup());

  it('enables the sandbox, pins userData to the folder the CLI uses, registers the app scheme', () => {
    expect(fakeApp.sandboxEnabled).toBe(true);
    expect(fakeApp.setPathCalls).toContainEqual(['userData', path.join(tmp.dir, 'appData', 'karpor-desktop')]);
    expect(fakeProtocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(fakeProtocol.handlers.has('app')).toBe(true);
  });

  it('registers every channel and answers the window with the real services', async () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    const frame = { senderFrame: { url: 'app://karpor/index.html', parent: null } };
    const view = await handlers.get('settings:get')!(frame, undefined);
    expect(view).toMatchObject({ ok: true, value: { settings: { schemaVersion: 1 } } });
    expect(existsSync(path.join(tmp.dir, 'userData', 'settings.json'))).toBe(true);
  });

  it('opens one sandboxed window on the app page with the bundled preload', () => {
    expect(windows()).toHaveLength(1);
    const win = windows()[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(win.calls).toContain('loadURL app://karpor/index.html');
  });

  it('hides the window on close instead of quitting, and really closes when quitting', () => {
    const win = windows()[0]!;
    win.close();
    expect(win.calls.at(-1)).toBe('hide');
    expect(win.isDestroyed()).toBe(false);
    fakeApp.emit('before-quit');
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(trays()[0]?.destroyed).toBe(true);
  });

  it('shows a tray whose menu follows the settings', async () => {
    const tray = trays()[0]!;
    expect(tray.menus.at(-1)?.template.map((i) => i.label)).toContain('Open window');
    const frame = { senderFrame: { url: 'app://karpor/index.html', parent: null } };
    await handlers.get('preferences:update')!(frame, { theme: 'dark' });
    expect(tray.menus.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the window again on a second launch', () => {
    const before = windows().length;
    fakeApp.emit('second-instance');
    expect(windows().length).toBe(before + 1); // the first one was destroyed above
  });
});

