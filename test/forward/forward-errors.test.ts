// Non-retryable errors say what is wrong and how to fix it, and clear when the cause goes away.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { isPortFree } from '../../electron/forward/local-port.ts';
import { firstSuccess, forwardService, freePort, request, target, waitForState } from './forward-helpers.ts';

let sb: Sandbox | undefined;
let svc: ForwardService | undefined;
let blocker: net.Server | undefined;

afterEach(async () => {
  await svc?.stop();
  await sb?.stop();
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  svc = undefined;
  sb = undefined;
  blocker = undefined;
});

describe('forward errors', () => {
  it('local port taken: names the port and the likely holder, offers a free port, and moves there in one call', async () => {
    sb = await startSandbox({ rbac: false });
    const port = await freePort();
    blocker = net.createServer();
    await new Promise<void>((r) => blocker?.listen(port, '127.0.0.1', r));
    svc = forwardService();
    const s = await svc.start(target(sb.kubeconfigPath, port));
    expect(s).toMatchObject({ status: 'error', code: 'PORT_IN_USE', localPort: port });
    if (s.status !== 'error' || s.suggestedPort === undefined) throw new Error('no suggested port');
    expect(s.message).toContain(String(port));
    expect(s.hint).toContain('kubectl port-forward');
    expect(s.hint).toContain(String(s.suggestedPort));
    expect(s.suggestedPort).toBeGreaterThan(port);
    expect(await isPortFree(s.suggestedPort)).toBe(true);
    const moved = await svc.useSuggestedPort();
    expect(moved.localPort).toBe(s.suggestedPort);
    await waitForState(svc, (st) => st.status === 'ready' && st.localPort === s.suggestedPort);
    expect((await request(s.suggestedPort, '/livez')).status).toBe(200);
  }, 30_000);

  it('forbidden user: says which permission is missing (get and create on pods/portforward)', async () => {
    sb = await startSandbox({ rbac: false });
    svc = forwardService();
    const port = await freePort();
    await svc.start(target(sb.kubeconfigPath, port, 'sandbox-limited'));
    const s = await waitForState(svc, (st) => st.status === 'error', 10_000);
    expect(s).toMatchObject({ status: 'error', code: 'FORBIDDEN' });
    if (s.status !== 'error') return;
    expect(s.message).toContain('get and create on pods/portforward');
    expect(s.hint).toContain('pods/portforward');
    // The limited user's token must never show up in what users see.
    const everything = JSON.stringify([svc.state(), svc.log()]);
    expect(everything).not.toMatch(/Bearer\s+[A-Za-z0-9_-]{10,}/);
  }, 30_000);

  it('Service missing: error while it is gone, recovers by itself when it is created', async () => {
    sb = await startSandbox({ rbac: false });
    await sb.deleteService();
    svc = forwardService();
    const port = await freePort();
    await svc.start(target(sb.kubeconfigPath, port));
    const s = await waitForState(svc, (st) => st.status === 'error', 10_000);
    expect(s).toMatchObject({ status: 'error', code: 'SERVICE_NOT_FOUND' });
    if (s.status === 'error') expect(s.message).toContain('karpor/karpor-server');
    await sb.createService();
    await waitForState(svc, (st) => st.status === 'ready', 10_000);
    await firstSuccess(port, '/livez', 5_000);
  }, 30_000);

  it('works with an exec-plugin context (credentials from client-node, not hand-rolled)', async () => {
    sb = await startSandbox({ rbac: false });
    svc = forwardService();
    const port = await freePort();
    await svc.start(target(sb.kubeconfigPath, port, 'sandbox-exec'));
    await waitForState(svc, (st) => st.status === 'ready', 15_000);
    expect((await request(port, '/livez')).status).toBe(200);
  }, 30_000);

  it('an unknown context is a KUBECONFIG_INVALID error naming it, and stop() returns to stopped', async () => {
    sb = await startSandbox({ rbac: false });
    svc = forwardService();
    const s = await svc.start(target(sb.kubeconfigPath, await freePort(), 'no-such-context'));
    expect(s).toMatchObject({ status: 'error', code: 'KUBECONFIG_INVALID' });
    if (s.status === 'error') expect(s.message).toContain('no-such-context');
    await svc.stop();
    expect(svc.state()).toEqual({ status: 'stopped' });
  }, 30_000);
});
