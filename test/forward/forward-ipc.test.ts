// The forward channels through the real dispatcher and services, against the sandbox.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { createServices } from '../../electron/services.ts';
import type { Services } from '../../electron/services.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import type { Dispatch } from '../../electron/ipc/dispatch.ts';
import { forwardStatusSchema } from '../../electron/forward/forward-channels.ts';
import type { ForwardStatusView } from '../../electron/forward/forward-channels.ts';
import { freePort, request } from './forward-helpers.ts';

describe('forward IPC', () => {
  let sb: Sandbox;
  let dir: string;
  let services: Services;
  let dispatch: Dispatch;
  const changes: ForwardStatusView[] = [];

  beforeAll(async () => {
    sb = await startSandbox({ rbac: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'karpor-forward-ipc-'));
    services = createServices({ settingsDir: dir, version: '0.0.0-test', homeDir: dir, getEnv: () => ({}) });
    services.events.subscribe((event, payload) => {
      if (event === 'forward:changed') changes.push(forwardStatusSchema.parse(payload));
    });
    dispatch = createDispatcher(createHandlers(services), { transport: 'bridge' });
  });
  afterAll(async () => {
    await services?.forward.dispose();
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (channel: string): Promise<ForwardStatusView> => {
    const r = await dispatch(channel, undefined);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return forwardStatusSchema.parse(r.value);
  };
  const until = async (pred: (s: ForwardStatusView) => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const s = await call('forward:state');
      if (pred(s)) return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('timeout');
  };

  it('without a profile, start is refused with a clear error', async () => {
    const r = await dispatch('forward:start', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call('forward:state')).state).toEqual({ status: 'stopped' });
  });

  it('starts the active profile, pushes forward:changed, logs, and stops', async () => {
    const port = await freePort();
    services.settings.saveProfile({ name: 'sandbox', kubeconfigPath: sb.kubeconfigPath, context: 'sandbox', localPort: port });
    await call('forward:start');
    const ready = await until((s) => s.state.status === 'ready');
    expect(ready.target).toMatchObject({ context: 'sandbox', localPort: port });
    expect(changes.some((c) => c.state.status === 'ready')).toBe(true);
    expect((await request(port, '/livez')).status).toBe(200);
    const log = await dispatch('forward:log', undefined);
    expect(log.ok && (log.value as { entries: Array<{ message: string }> }).entries.some((e) => e.message.includes('forwarding 127.0.0.1'))).toBe(true);
    expect((await call('forward:recheck')).state.status).toBe('ready');
    expect((await call('forward:stop')).state).toEqual({ status: 'stopped' });
  }, 30_000);

  it('port taken: forward:usePort moves to the suggested port and saves it in the profile', async () => {
    const profile = services.settings.get().settings.profiles[0];
    if (!profile) throw new Error('no profile');
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(profile.localPort, '127.0.0.1', r));
    try {
      const s = await call('forward:start');
      expect(s.state).toMatchObject({ status: 'error', code: 'PORT_IN_USE' });
      const suggested = s.state.status === 'error' ? s.state.suggestedPort : undefined;
      expect(suggested).toBeDefined();
      await call('forward:usePort');
      await until((v) => v.state.status === 'ready' && v.state.localPort === suggested);
      expect(services.settings.get().settings.profiles[0]?.localPort).toBe(suggested);
      expect((await dispatch('forward:usePort', undefined)).ok).toBe(false);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  }, 30_000);
});
