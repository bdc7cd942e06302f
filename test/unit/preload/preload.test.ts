// The preload's window.karpor against the real dispatcher and services, and the renderer's api
// module on top of it (window.karpor present, as inside the app).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { contextBridge, ipcRenderer } from 'electron';
import { createDispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { channelNames, type KarporApi } from '../../../electron/ipc/contract.ts';
import { createServices, type Services } from '../../../electron/services.ts';
import { kubeconfigYaml, tempDir, type TempDir } from '../../integration/helpers/kubeconfigs.ts';

const exposed = (contextBridge as unknown as { exposed: Map<string, unknown> }).exposed;
const fakeRenderer = ipcRenderer as unknown as { emit(channel: string, payload: unknown): boolean; listenerCount(channel: string): number };

describe('preload', () => {
  let tmp: TempDir;
  let services: Services;
  let karpor: Record<string, unknown>;
  let kubeconfig: string;
  beforeAll(async () => {
    tmp = tempDir();
    kubeconfig = tmp.write('kubeconfig', kubeconfigYaml());
    services = createServices({ settingsDir: path.join(tmp.dir, 's'), version: '1.0.0', homeDir: tmp.dir, getEnv: () => ({}) });
    const dispatch = createDispatcher(createHandlers(services), { transport: 'electron' });
    vi.spyOn(ipcRenderer, 'invoke').mockImplementation((channel: string, ...args: unknown[]) => dispatch(channel, args[0]));
    await import('../../../electron/preload.ts');
    karpor = exposed.get('karpor') as Record<string, unknown>;
  });
  afterAll(() => tmp.cleanup());

  it('exposes one named function per channel and on(), never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['karpor']);
    for (const channel of channelNames) {
      const [domain, action] = channel.split(':') as [string, string];
      expect(typeof (karpor[domain] as Record<string, unknown>)[action], channel).toBe('function');
    }
    expect(typeof karpor.on).toBe('function');
    expect(JSON.stringify(Object.keys(karpor))).not.toMatch(/ipc|invoke|send/i);
  });

  it('unwraps values, and rejects with a plain {code, message, hint} that survives contextBridge', async () => {
    const api = karpor as unknown as KarporApi;
    expect((await api.app.info()).transport).toBe('electron');
    const reason: unknown = await api.profiles.save({ name: 'x', kubeconfigPath: kubeconfig, context: 'nope' }).catch((e: unknown) => e);
    expect(reason).not.toBeInstanceOf(Error);
    expect(reason).toMatchObject({ code: 'KUBECONFIG_INVALID', message: expect.stringContaining('"nope"') as unknown, hint: expect.any(String) as unknown });
  });

  it('relays known events and unsubscribes; refuses unknown ones', () => {
    const api = karpor as unknown as KarporApi;
    const seen: unknown[] = [];
    const off = api.on('settings:changed', (p) => seen.push(p));
    fakeRenderer.emit('settings:changed', { n: 1 });
    off();
    fakeRenderer.emit('settings:changed', { n: 2 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(fakeRenderer.listenerCount('settings:changed')).toBe(0);
    expect(() => api.on('nope' as 'settings:changed', () => undefined)).toThrow(/Unknown event/);
  });

  it('gives the renderer ApiError instances through renderer/src/api', async () => {
    vi.stubGlobal('window', { karpor });
    const { api, ApiError } = await import('../../../renderer/src/api/index.ts');
    const err = await api.profiles.delete({ id: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await api.settings.get()).settings.schemaVersion).toBe(1);
    vi.unstubAllGlobals();
  });
});
