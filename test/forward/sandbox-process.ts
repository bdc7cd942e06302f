// Runs startSandbox() in a child process (sandbox-child.ts) and drives it over IPC.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  kubeconfigPath: string;
  child: ChildProcess;
  pods(): Promise<Array<{ name: string; ready: boolean; hubPort: number }>>;
  deletePod(name: string): Promise<void>;
  waitForReadyPods(count: number): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = fork(fileURLToPath(new URL('./sandbox-child.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_PROF_SANDBOX=dir: CPU profile of the sandbox (where a benchmark's time goes).
    ...(process.env.BENCH_PROF_SANDBOX ? { execArgv: [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF_SANDBOX}`] } : {}),
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const { kubeconfigPath } = await new Promise<{ kubeconfigPath: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${code})`)));
    child.on('message', (m: { ready?: boolean; kubeconfigPath?: string; id?: number; value?: unknown; error?: string }) => {
      if (m.ready && m.kubeconfigPath) return resolve({ kubeconfigPath: m.kubeconfigPath });
      const p = m.id === undefined ? undefined : pending.get(m.id);
      if (!p || m.id === undefined) return;
      pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.value);
    });
  });
  const call = <T>(op: string, args: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: (v) => resolve(v as T), reject });
      child.send({ id, op, ...args });
    });
  return {
    kubeconfigPath,
    child,
    pods: () => call('pods'),
    deletePod: (name) => call('deletePod', { name }),
    waitForReadyPods: (count) => call('waitForReadyPods', { count }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      // The child exits by itself after 'stop' (so a --cpu-prof gets written); SIGTERM only if it hangs.
      void call('stop').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGTERM'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
