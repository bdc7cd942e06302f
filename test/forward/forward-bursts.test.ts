// Bursts of parallel connections, one after another: every request of every burst must succeed.
// A browser loading a dashboard does this. It caught local sockets that, once their tunnel closed,
// never read the client's FIN and sat out a 5 s linger, until 512 of them refused everything new.
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxProcess } from './sandbox-process.ts';
import type { SandboxProcess } from './sandbox-process.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { forwardService, freePort, request, target, waitForState } from './forward-helpers.ts';

describe('forward under repeated bursts', () => {
  let sb: SandboxProcess;
  let svc: ForwardService;
  afterAll(async () => {
    await svc?.stop();
    await sb?.stop();
  });

  it('16 bursts of 64 parallel connections (256 KiB each) all succeed, intact', async () => {
    sb = await startSandboxProcess();
    svc = forwardService();
    const port = await freePort();
    await svc.start(target(sb.kubeconfigPath, port));
    await waitForState(svc, (s) => s.status === 'ready');
    const n = 256 * 1024;
    const failures: string[] = [];
    for (let burst = 0; burst < 16; burst++) {
      const results = await Promise.allSettled(Array.from({ length: 64 }, () => request(port, `/bench/bytes?n=${n}`, { timeoutMs: 15_000 })));
      for (const r of results) {
        if (r.status === 'rejected') failures.push(`burst ${burst}: ${String(r.reason)}`);
        else if (r.value.status !== 200 || r.value.body.length !== n) failures.push(`burst ${burst}: HTTP ${r.value.status}, ${r.value.body.length} bytes`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(svc.state().status).toBe('ready');
  }, 120_000);
});
