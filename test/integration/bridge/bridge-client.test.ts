// The renderer's bridge client (renderer/src/api) against a real bridge, from Node's fetch and WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startDevBridge, type DevBridge } from '../../../electron/bridge/dev-bridge.ts';
import { createBridgeClient } from '../../../renderer/src/api/bridge-client.ts';
import { ApiError } from '../../../renderer/src/api/api-error.ts';
import type { KarporApi } from '../../../electron/ipc/contract.ts';
import { kubeconfigYaml, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

describe('renderer bridge client', () => {
  let tmp: TempDir;
  let bridge: DevBridge;
  let api: KarporApi;
  let kubeconfig: string;
  beforeAll(async () => {
    tmp = tempDir();
    kubeconfig = tmp.write('kubeconfig', kubeconfigYaml());
    bridge = await startDevBridge({ settingsDir: path.join(tmp.dir, 'settings'), rendererDir: tmp.dir, kubeconfigPath: kubeconfig });
    api = createBridgeClient({ baseUrl: `http://127.0.0.1:${bridge.port}`, secret: bridge.secret });
  });
  afterAll(async () => {
    await bridge.close();
    tmp.cleanup();
  });

  it('calls nested domain.action functions and returns their values', async () => {
    expect((await api.app.info()).transport).toBe('bridge');
    expect((await api.kube.contexts({ kubeconfigPath: kubeconfig })).contexts.map((c) => c.name)).toEqual(['kind-karpor', 'prod']);
  });

  it('throws ApiError with code and hint on failure', async () => {
    const err = await api.profiles.save({ name: 'X', kubeconfigPath: path.join(tmp.dir, 'missing'), context: 'prod' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'KUBECONFIG_INVALID', message: expect.stringContaining('does not exist') as unknown, hint: expect.any(String) as unknown });
  });

  it('throws FORBIDDEN with a wrong secret', async () => {
    const stranger = createBridgeClient({ baseUrl: `http://127.0.0.1:${bridge.port}`, secret: 'nope' });
    await expect(stranger.settings.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('delivers events to on() listeners until unsubscribed', async () => {
    const got: number[] = [];
    let resolve: () => void = () => undefined;
    const arrived = new Promise<void>((r) => (resolve = r));
    const off = api.on('settings:changed', (view) => {
      got.push(view.settings.profiles.length);
      resolve();
    });
    await new Promise((r) => setTimeout(r, 200));
    await api.profiles.save({ name: 'Y', kubeconfigPath: kubeconfig, context: 'prod' });
    await arrived;
    expect(got).toEqual([1]);
    off();
  });

  it('is not mistaken for a promise', async () => {
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
