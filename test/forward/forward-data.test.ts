// Bytes through the forward, both ways, large and parallel; the certificate the state reports.
import { createHash, randomBytes } from 'node:crypto';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { benchBytesSha256 } from '../sandbox/hub/bench-routes.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { forwardService, freePort, request, target, waitForState } from './forward-helpers.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('forward data path', () => {
  let sb: Sandbox;
  let svc: ForwardService;
  let port: number;

  beforeAll(async () => {
    sb = await startSandbox({ rbac: false, pods: 2 });
    svc = forwardService();
    port = await freePort();
    await svc.start(target(sb.kubeconfigPath, port));
    await waitForState(svc, (s) => s.status === 'ready');
  });
  afterAll(async () => {
    await svc?.stop();
    await sb?.stop();
  });

  it('reports the pod in use and the fingerprint of exactly that pod\'s certificate', async () => {
    const s = svc.state();
    if (s.status !== 'ready') throw new Error('not ready');
    const pod = sb.pods().find((p) => p.name === s.pod);
    expect(pod?.ready).toBe(true);
    const fp = await new Promise<string>((resolve, reject) => {
      const sock = tls.connect({ host: '127.0.0.1', port: pod?.hubPort ?? 0, rejectUnauthorized: false }, () => {
        resolve(sock.getPeerX509Certificate()?.fingerprint256 ?? '');
        sock.destroy();
      });
      sock.on('error', reject);
    });
    expect(s.hubCertFingerprint256).toBe(fp);
    expect(s.hubCertFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('carries a 12 MiB download and a 12 MiB upload echo byte for byte', async () => {
    const n = 12 * 1024 * 1024 + 17;
    const down = await request(port, `/bench/bytes?n=${n}`, { timeoutMs: 30_000 });
    expect(down.status).toBe(200);
    expect(down.body.length).toBe(n);
    expect(sha(down.body)).toBe(benchBytesSha256(n));

    const up = randomBytes(12 * 1024 * 1024 + 5);
    const echo = await request(port, '/bench/echo', { method: 'POST', body: up, timeoutMs: 30_000 });
    expect(echo.status).toBe(200);
    expect(echo.body.length).toBe(up.length);
    expect(sha(echo.body)).toBe(sha(up));
  }, 60_000);

  it('serves 50 parallel requests on 50 new connections, each intact', async () => {
    const n = 256 * 1024 + 3;
    const want = benchBytesSha256(n);
    const results = await Promise.all(Array.from({ length: 50 }, () => request(port, `/bench/bytes?n=${n}`, { timeoutMs: 20_000 })));
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(sha(r.body)).toBe(want);
    }
    const bodies = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const up = randomBytes(100_000);
        const r = await request(port, '/bench/echo', { method: 'POST', body: up, timeoutMs: 20_000 });
        return r.body.equals(up);
      }),
    );
    expect(bodies.every(Boolean)).toBe(true);
    // Every one of those ended normally: none may show in the event log as a dropped stream.
    expect(svc.log().filter((e) => /dropped/.test(e.message))).toEqual([]);
  }, 60_000);
});
