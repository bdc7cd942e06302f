// Shared by the forward tests and the benchmark: a real forward service on a random port, an HTTPS
// client that opens a new connection per request, and polling helpers with hard time limits.
import https from 'node:https';
import os from 'node:os';
import { createKubeconfigSource } from '../../electron/kube/kubeconfig-source.ts';
import { createForwardService } from '../../electron/forward/forward-service.ts';
import type { ForwardService, ForwardServiceOptions } from '../../electron/forward/forward-service.ts';
import type { ForwardState } from '../../electron/forward/forward-state.ts';

export { anyFreePort as freePort } from '../../electron/forward/local-port.ts';

export function forwardService(extra: Partial<ForwardServiceOptions> = {}): ForwardService {
  const source = createKubeconfigSource({ homeDir: os.tmpdir(), getEnv: () => ({}) });
  return createForwardService({ loadKubeConfig: (path, context) => source.kubeConfigFor(path, context), ...extra });
}

export function target(kubeconfigPath: string, localPort: number, context = 'sandbox') {
  return { kubeconfigPath, context, namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort };
}

export async function waitForState(svc: ForwardService, pred: (s: ForwardState) => boolean, timeoutMs = 10_000): Promise<ForwardState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = svc.state();
    if (pred(s)) return s;
    await sleep(20);
  }
  throw new Error(`state not reached within ${timeoutMs} ms; last: ${JSON.stringify(svc.state())}; log: ${JSON.stringify(svc.log().slice(-8))}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface HttpsResult {
  status: number;
  body: Buffer;
}

/** One request on a fresh connection (agent: false) to 127.0.0.1:port; the hub's self-signed cert is accepted. */
export function request(port: number, path: string, opts: { method?: string; body?: Buffer; timeoutMs?: number } = {}): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', rejectUnauthorized: false, agent: false, timeout: opts.timeoutMs ?? 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request ${path} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Retries a request until it succeeds; resolves with the time it first succeeded. */
export async function firstSuccess(port: number, path: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const r = await request(port, path, { timeoutMs: Math.max(200, deadline - Date.now()) });
      if (r.status === 200) return Date.now();
      last = new Error(`HTTP ${r.status}`);
    } catch (err) {
      last = err;
    }
    await sleep(25);
  }
  throw new Error(`no successful ${path} within ${timeoutMs} ms: ${String(last)}`);
}
