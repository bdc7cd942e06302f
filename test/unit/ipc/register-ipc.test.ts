import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ipcMain } from 'electron';
// Test-only stand-in (the same module the `electron` mock returns).
import { BrowserWindow } from '../../setup/electron-fake.ts';
import { forwardEventsToAppWindows, registerIpc } from '../../../electron/ipc/register-ipc.ts';
import { createDispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { channelNames, type Envelope } from '../../../electron/ipc/contract.ts';
import { createServices, type Services } from '../../../electron/services.ts';
import { tempDir, type TempDir } from '../../integration/helpers/kubeconfigs.ts';

type FakeHandlers = Map<string, (event: unknown, ...args: unknown[]) => Promise<Envelope<unknown>>>;
const handlers = () => (ipcMain as unknown as { handlers: FakeHandlers }).handlers;
const topFrame = { senderFrame: { url: 'app://karpor/index.html', parent: null } };

describe('registerIpc (Electron adapter)', () => {
  let tmp: TempDir;
  let services: Services;
  let unregister: () => void;
  beforeEach(() => {
    tmp = tempDir();
    services = createServices({ settingsDir: path.join(tmp.dir, 's'), version: '1.2.3', homeDir: tmp.dir, getEnv: () => ({}) });
    unregister = registerIpc(createDispatcher(createHandlers(services), { transport: 'electron' }));
  });
  afterEach(() => {
    unregister();
    tmp.cleanup();
  });

  it('registers exactly the contract channels, in one loop', () => {
    expect([...handlers().keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers our own top-level page', async () => {
    expect(await handlers().get('app:info')!(topFrame, undefined)).toEqual({ ok: true, value: { version: '1.2.3', platform: process.platform, transport: 'electron' } });
  });

  it('returns FORBIDDEN to iframes, other origins and missing frames, without running the handler', async () => {
    const before = services.settings.get();
    for (const event of [
      { senderFrame: { url: 'app://karpor/index.html', parent: {} } },
      { senderFrame: { url: 'https://127.0.0.1:7443/', parent: null } },
      { senderFrame: null },
    ]) {
      const r = await handlers().get('preferences:update')!(event, { theme: 'dark' });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(services.settings.get()).toEqual(before);
  });

  it('refuses a second argument', async () => {
    expect(await handlers().get('settings:get')!(topFrame, undefined, 'extra')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('validates input like every transport', async () => {
    expect(await handlers().get('preferences:update')!(topFrame, { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('pushes events to app windows only', () => {
    const app = new BrowserWindow();
    void app.loadURL('app://karpor/index.html');
    const dashboard = new BrowserWindow();
    void dashboard.loadURL('https://127.0.0.1:7443/');
    const stop = forwardEventsToAppWindows(services.events, () => [app, dashboard] as unknown as Electron.BrowserWindow[]);
    services.settings.updatePreferences({ theme: 'dark' });
    expect(app.webContents.sent.map((m) => m.channel)).toEqual(['settings:changed']);
    expect(dashboard.webContents.sent).toEqual([]);
    stop();
    services.settings.updatePreferences({ theme: 'light' });
    expect(app.webContents.sent).toHaveLength(1);
  });
});
