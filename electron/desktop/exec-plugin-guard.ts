// Exec credential plugins (kubeconfig `users[].user.exec`) under a time limit, with their stderr in
// the error. client-node's ExecAuth spawns the plugin with no timeout (a plugin waiting for a browser
// login or a TTY hangs every request forever) and rejects with bare stderr, or a spawn error that does
// not say which kubeconfig command failed. Its spawn function is a replaceable field, so this wraps
// spawn instead of re-implementing the credential cache; it never reads stdout, which holds the token.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { KubeConfig } from '@kubernetes/client-node';

export const DEFAULT_EXEC_TIMEOUT_MS = 60_000;
const STDERR_LIMIT = 4000;

export class ExecPluginError extends Error {
  readonly command: string;
  constructor(command: string, message: string) {
    super(message);
    this.name = 'ExecPluginError';
    this.command = command;
  }
}

type SpawnFn = (command: string, args: readonly string[] | undefined, options: SpawnOptions) => ChildProcess;

export function tail(text: string, limit = STDERR_LIMIT): string {
  const t = text.trim();
  return t.length <= limit ? t : `…${t.slice(t.length - limit)}`;
}

export function guardedSpawn(options: { timeoutMs?: number; spawnFn?: SpawnFn } = {}): SpawnFn {
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
  const spawnFn = options.spawnFn ?? ((c, a, o) => spawn(c, a ?? [], o));
  return (command, args, spawnOptions) => {
    const child = spawnFn(command, args, spawnOptions);
    let stderr = '';
    let failed = false;
    const fail = (message: string): void => {
      if (failed) return;
      failed = true;
      // ExecAuth keeps the first 'error' and rejects with it when the process closes.
      child.emit('error', new ExecPluginError(command, message));
    };
    child.stderr?.on('data', (d: Buffer | string) => { stderr += d.toString(); });
    const timer = setTimeout(() => {
      fail(`The kubeconfig credential plugin "${command}" did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped.`
        + ` If it waits for a login in a browser or terminal, log in there first (e.g. run it once in a terminal).`
        + (stderr.trim() ? `\nIts output:\n${tail(stderr)}` : ''));
      child.kill('SIGKILL');
      // Something the plugin started may hold its pipes open; ExecAuth settles only once they close.
      child.stdout?.destroy();
      child.stderr?.destroy();
    }, timeoutMs);
    child.on('error', (e: Error) => {
      clearTimeout(timer);
      if (e instanceof ExecPluginError || failed) return;
      failed = true;
      // A spawn failure reaches ExecAuth's own listener as this same object (it keeps the last
      // error it sees), so the message is rewritten in place rather than a second error emitted.
      const code = (e as NodeJS.ErrnoException).code;
      e.message = code === 'ENOENT'
        ? `The kubeconfig credential plugin "${command}" was not found on PATH. Install it, or check that your login shell's PATH includes it.`
        : `The kubeconfig credential plugin "${command}" could not start: ${e.message}`;
    });
    // 'exit' comes before 'close' (when ExecAuth settles), so the error is in place in time.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || failed) return;
      const how = code === null ? `was ended by ${signal ?? 'a signal'}` : `failed with exit code ${code}`;
      fail(`The kubeconfig credential plugin "${command}" ${how}.` + (stderr.trim() ? `\nIts output:\n${tail(stderr)}` : ''));
    });
    return child;
  };
}

interface ExecAuthLike { execFn: SpawnFn }
function isExecAuth(value: unknown): value is ExecAuthLike {
  return typeof value === 'object' && value !== null && 'execFn' in value && typeof value.execFn === 'function';
}

/** Installs the guard on one KubeConfig (each instance has its own authenticators). Returns whether it found ExecAuth. */
export function guardExecPlugins(kubeConfig: KubeConfig, options: { timeoutMs?: number } = {}): boolean {
  // `authenticators` is private in the typings; bracket access is TypeScript's sanctioned way through.
  const authenticators: unknown = kubeConfig['authenticators'];
  if (!Array.isArray(authenticators)) return false;
  const execAuth = authenticators.find(isExecAuth);
  if (!execAuth) return false;
  execAuth.execFn = guardedSpawn(options);
  return true;
}
