// The three paths the benchmarks compare, started the same way for `npm run bench` and
// `npm run bench:cpu`: the sandbox in its own process (its hub pod is the direct path), this
// forward in its own process, and `kubectl port-forward svc/karpor-server`.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { startSandboxProcess } from '../test/forward/sandbox-process.ts';
import type { SandboxProcess } from '../test/forward/sandbox-process.ts';
import { anyFreePort } from '../electron/forward/local-port.ts';

export interface BenchPaths {
  sb: SandboxProcess;
  hubPort: number;
  forward: ChildProcess;
  forwardPort: number;
  kubectl: ChildProcess;
  kubectlPort: number;
  /** Stops kubectl, the forward and the sandbox. */
  stop(): Promise<void>;
}

export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms: ${buf.slice(-500)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      buf += d.toString();
      if (pattern.test(buf)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}: ${buf.slice(-500)}`)));
  });
}

export /** GET on a new connection; resolves with time to first byte and total, in ms. */
function timedGet(port: number, path: string, timeoutMs = 60_000): Promise<{ ttfb: number; total: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = 0;
    let bytes = 0;
    const req = https.request({ host: '127.0.0.1', port, path, rejectUnauthorized: false, agent: false, timeout: timeoutMs }, (res) => {
      res.on('data', (c: Buffer) => {
        if (!ttfb) ttfb = performance.now() - t0;
        bytes += c.length;
      });
      res.on('end', () => resolve({ ttfb: ttfb || performance.now() - t0, total: performance.now() - t0, bytes, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** Starts the sandbox, this forward (`forwardArgs`: extra Node flags) and kubectl; stops what started if one fails. */
export async function startBenchPaths(forwardArgs: string[] = []): Promise<BenchPaths> {
  const sb = await startSandboxProcess();
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await sb.stop();
  };
  try {
    await sb.waitForReadyPods(1);
    const hubPort = (await sb.pods())[0]?.hubPort ?? 0;
    const forwardPort = await anyFreePort();
    const forwardChild = fileURLToPath(new URL('./forward-child.ts', import.meta.url));
    const forward = spawn(process.execPath, [...forwardArgs, forwardChild, sb.kubeconfigPath, String(forwardPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(forward);
    await waitForLine(forward, /"status":"ready"/, 20_000);
    const kubectlPort = await anyFreePort();
    const kubectl = spawn('kubectl', ['--kubeconfig', sb.kubeconfigPath, 'port-forward', '-n', 'karpor', 'svc/karpor-server', `${kubectlPort}:7443`, '--address', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(kubectl);
    await waitForLine(kubectl, /Forwarding from/, 20_000);
    return { sb, hubPort, forward, forwardPort, kubectl, kubectlPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
