// Real `kubectl port-forward` in the background for tests: started, awaited until it says "Forwarding from", and
// always killed by the test (by its own pid) so no kubectl outlives its suite.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface PortForwardProcess {
  child: ChildProcess;
  localPort: number;
  /** Everything kubectl printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with kubectl's exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** A port that is free on 127.0.0.1 right now (found by binding it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PortForwardOptions {
  kubeconfig: string;
  /** Arguments after `kubectl`, e.g. ['-n', 'karpor', 'port-forward', 'svc/karpor-server', '8443:7443']. */
  args: string[];
  localPort: number;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

export async function startPortForward(o: PortForwardOptions): Promise<PortForwardProcess> {
  const child = spawn('kubectl', o.args, {
    env: { ...process.env, ...o.env, KUBECONFIG: o.kubeconfig },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), o.readyTimeoutMs ?? 10_000);
    const check = (): void => {
      if (out.includes('Forwarding from')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(out.includes('Forwarding from'));
    });
  });
  if (!ready) {
    await stop();
    throw new Error(`kubectl ${o.args.join(' ')} did not start forwarding:\n${out}`);
  }
  return { child, localPort: o.localPort, output: () => out, exited, stop };
}
