// The data plane in a worker thread, as the app and the CLI run it: the bundled worker
// (dist/data-plane/worker.cjs, evaluated as the packaged app does) against the sandbox, and what
// the engine does when that thread dies.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { benchBytesSha256 } from '../sandbox/hub/bench-routes.ts';
import { createThreadDataPlane } from '../../electron/forward/data-plane-thread.ts';
import type { ThreadDataPlane } from '../../electron/forward/data-plane-thread.ts';
import { createLocalDataPlane } from '../../electron/forward/data-plane.ts';
import type { DataPlane } from '../../electron/forward/data-plane.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { upstreamFromKubeConfig } from '../../electron/forward/upstream.ts';
import { TunnelError } from '../../electron/forward/ws-tunnel.ts';
import { firstSuccess, forwardService, freePort, request, target, waitForState } from './forward-helpers.ts';

const bundle = fileURLToPath(new URL('../../dist/data-plane/worker.cjs', import.meta.url));

describe('data plane in a worker thread', () => {
  let sb: Sandbox;
  const planes: DataPlane[] = [];
  const logs: string[] = [];
  const plane = (localPort: number) => {
    const p = createThreadDataPlane({ localPort, namespace: 'karpor', log: (level, m) => logs.push(`${level} ${m}`) }, bundle);
    planes.push(p);
    return p;
  };

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`node scripts/build.ts\` first (npm test does)`);
    sb = await startSandbox({ rbac: false, pods: 1 });
  });
  afterAll(async () => {
    for (const p of planes) await p.close();
    await sb?.stop();
  });

  it('listens, probes the hub and carries bytes intact, with credentials asked of the main thread', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(sb.kubeconfigPath);
    kc.setCurrentContext('sandbox');
    const upstream = upstreamFromKubeConfig(kc);
    let asked = 0;
    const port = await freePort();
    const p = plane(port);
    expect(await p.listen()).toBe(port);
    await p.connect({ ...upstream, connectOptions: () => (asked++, upstream.connectOptions()) });
    const pod = sb.pods().find((x) => x.ready);
    if (!pod) throw new Error('no ready pod');
    p.setRoute({ pod: pod.name, port: 7443 });
    const probe = await p.probe({ pod: pod.name, port: 7443 }, 5_000);
    expect(probe.hubCertFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const n = 16 * 1024 * 1024;
    const res = await request(port, `/bench/bytes?n=${n}`, { timeoutMs: 30_000 });
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(res.body).digest('hex')).toBe(benchBytesSha256(n));
    expect(asked).toBeGreaterThan(0);
    // A connection held open, then its pod leaves: the worker closes it and says how many.
    const held = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => held.once('connect', r));
    await new Promise((r) => setTimeout(r, 200));
    const closed = new Promise((r) => held.once('close', r));
    expect(await p.closePod(pod.name)).toBeGreaterThanOrEqual(1);
    await closed;
    await p.close();
    // The port is free again once close() resolves.
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    again.close();
  });

  it('errors cross the thread with what callers branch on: bind codes, HTTP status of a refused upgrade', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as net.AddressInfo).port;
    await expect(plane(taken).listen()).rejects.toMatchObject({ code: 'EADDRINUSE' });
    blocker.close();

    const kc = new KubeConfig();
    kc.loadFromFile(sb.kubeconfigPath);
    kc.setCurrentContext('sandbox');
    const p = plane(await freePort());
    await p.listen();
    await p.connect(upstreamFromKubeConfig(kc));
    const err = await p.probe({ pod: 'no-such-pod', port: 7443 }, 5_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TunnelError);
    expect(err).toMatchObject({ kind: 'http', status: 404 });
  });

  it('a data thread that dies is replaced by one in the main thread, and forwarding goes on', async () => {
    const made: Array<{ where: 'thread' | 'local'; plane: DataPlane }> = [];
    let svc: ForwardService | undefined;
    try {
      svc = forwardService({
        createDataPlane: (o, where) => {
          const plane = where === 'thread' ? createThreadDataPlane(o) : createLocalDataPlane(o);
          made.push({ where, plane });
          return plane;
        },
      });
      const port = await freePort();
      await svc.start(target(sb.kubeconfigPath, port));
      await waitForState(svc, (st) => st.status === 'ready');
      expect((await request(port, '/livez')).status).toBe(200);
      expect(made.map((m) => m.where)).toEqual(['thread']);
      await (made[0]?.plane as ThreadDataPlane).worker.terminate();
      await firstSuccess(port, '/livez', 10_000);
      expect(made.map((m) => m.where)).toEqual(['thread', 'local']);
      await waitForState(svc, (st) => st.status === 'ready');
      expect(svc.log().map((e) => e.message).join('\n')).toMatch(/data thread stopped .*forwarding continues in the main thread/);
    } finally {
      await svc?.stop();
    }
  });
});
