// The forward keeps working through what breaks `kubectl port-forward`: pods replaced, all pods
// gone, API server restarts, cut streams, idle timeouts.
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox, SandboxOptions } from '../sandbox/index.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { firstSuccess, forwardService, freePort, request, sleep, target, waitForState } from './forward-helpers.ts';

let sb: Sandbox | undefined;
let svc: ForwardService | undefined;

afterEach(async () => {
  await svc?.stop();
  await sb?.stop();
  svc = undefined;
  sb = undefined;
});

async function setup(opts: SandboxOptions = {}) {
  sb = await startSandbox({ rbac: false, ...opts });
  svc = forwardService();
  const port = await freePort();
  await svc.start(target(sb.kubeconfigPath, port));
  const ready = await waitForState(svc, (s) => s.status === 'ready');
  return { sb, svc, port, pod: ready.status === 'ready' ? ready.pod : '' };
}

/** A kept-alive TLS connection through the forward; resolves `closed` when its socket closes. */
function openKeptConnection(port: number) {
  const sock = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false });
  const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  sock.on('error', () => undefined);
  const connected = new Promise<void>((resolve, reject) => {
    sock.once('secureConnect', () => resolve());
    sock.once('error', reject);
  });
  return { sock, closed, connected };
}

function readyPodOtherThan(sandbox: Sandbox, name: string) {
  return sandbox.pods().find((p) => p.ready && p.name !== name);
}

describe('forward recovery', () => {
  it('follows a deleted pod: its connections close, new requests succeed within 1 s of the replacement being Ready', async () => {
    const { sb, svc, port, pod } = await setup({ pods: 1, podRestartDelayMs: 300 });
    const kept = openKeptConnection(port);
    await kept.connected;
    await sb.deletePod(pod);
    // The old pod's connection is closed cleanly, not left hanging.
    await Promise.race([kept.closed, sleep(3_000).then(() => Promise.reject(new Error('connection to the deleted pod was left open')))]);
    // When the replacement turns Ready, start the 1 s clock.
    const deadline = Date.now() + 10_000;
    while (!readyPodOtherThan(sb, pod) && Date.now() < deadline) await sleep(5);
    const replacement = readyPodOtherThan(sb, pod);
    expect(replacement).toBeDefined();
    const readyAt = Date.now();
    const okAt = await firstSuccess(port, '/livez', 5_000);
    expect(okAt - readyAt).toBeLessThan(1_000);
    const s = await waitForState(svc, (st) => st.status === 'ready' && st.pod === replacement?.name, 5_000);
    expect(s.status).toBe('ready');
    expect(svc.log().map((e) => e.message).join('\n')).toContain(`pod ${pod} left the ready set`);
  }, 30_000);

  it('survives all pods gone and back (replicas 0 -> 1) with no action from the user', async () => {
    const { sb, svc, port } = await setup({ pods: 1, podRestartDelayMs: 200 });
    await sb.setReplicas(0);
    const down = await waitForState(svc, (s) => s.status === 'reconnecting', 5_000);
    expect(down.status === 'reconnecting' && down.lastError).toContain('no ready pod');
    await sb.setReplicas(1);
    const [name] = await sb.waitForReadyPods(1, 10_000);
    await firstSuccess(port, '/livez', 5_000);
    await waitForState(svc, (s) => s.status === 'ready' && s.pod === name, 5_000);
  }, 30_000);

  it('recovers after the host API server restarts, and still follows pods afterwards (watches re-established)', async () => {
    const { sb, svc, port, pod } = await setup({ pods: 1, podRestartDelayMs: 200 });
    await sb.restartApiServer();
    await firstSuccess(port, '/livez', 10_000);
    await svc.recheck();
    await waitForState(svc, (s) => s.status === 'ready', 10_000);
    // Proof the watches came back: a pod replaced after the restart is followed too.
    await sb.deletePod(pod);
    const deadline = Date.now() + 10_000;
    while (!readyPodOtherThan(sb, pod) && Date.now() < deadline) await sleep(10);
    await firstSuccess(port, '/livez', 10_000);
    await waitForState(svc, (s) => s.status === 'ready' && s.pod !== pod, 15_000);
  }, 45_000);

  it('survives every port-forward stream being cut: live connections close, new ones work at once', async () => {
    const { sb, svc, port } = await setup({ pods: 1 });
    const kept = openKeptConnection(port);
    await kept.connected;
    sb.dropPortForwardStreams();
    await Promise.race([kept.closed, sleep(3_000).then(() => Promise.reject(new Error('cut stream left the local socket open')))]);
    // A real cut is told apart from a normal end: it shows in the event log.
    expect(svc.log().map((e) => e.message).join('\n')).toMatch(/dropped/);
    const r = await request(port, '/livez');
    expect(r.status).toBe(200);
    expect((await svc.recheck()).status).toBe('ready');
  }, 30_000);

  it('works after idling longer than the stream idle timeout', async () => {
    const { svc, port } = await setup({ pods: 1, streamIdleTimeoutMs: 1_000 });
    const kept = openKeptConnection(port);
    await kept.connected;
    await sleep(2_500);
    // The idle cut reached the kept connection (like a load balancer would) ...
    await Promise.race([kept.closed, sleep(1_000).then(() => Promise.reject(new Error('idle cut did not close the local socket')))]);
    // ... but the very first new request after the idle period succeeds.
    const r = await request(port, '/livez');
    expect(r.status).toBe(200);
    expect((await svc.recheck()).status).toBe('ready');
  }, 30_000);

  it('reports pod-side errors (connection refused inside the pod) in the state and the log, and recovers', async () => {
    const { sb, svc, port } = await setup({ pods: 1 });
    sb.setHubReachable(false);
    const s = await svc.recheck();
    expect(s.status).toBe('reconnecting');
    expect(s.status === 'reconnecting' && s.lastError).toContain('connection refused');
    await request(port, '/livez').catch(() => undefined);
    sb.setHubReachable(true);
    await firstSuccess(port, '/livez', 5_000);
    expect((await svc.recheck()).status).toBe('ready');
    expect(svc.log().some((e) => e.level === 'warn' && e.message.includes('connection refused'))).toBe(true);
  }, 30_000);
});
