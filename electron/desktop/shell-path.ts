// The login shell's PATH, for exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin). Apps
// started from a desktop launcher or the macOS Dock inherit a minimal PATH without ~/.local/bin,
// /opt/homebrew/bin and the like, so kubeconfigs that work in a terminal fail here. The shell runs
// once, interactive + login so every rc file is read, with markers around the value because rc files
// may print banners, and a timeout because some wait for input.
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';

const START = '__KARPOR_PATH_START__';
const END = '__KARPOR_PATH_END__';

export interface ShellPathResult {
  path: string;
  source: 'login-shell' | 'process';
  /** Why the process PATH was kept (for the log; never contains environment values). */
  reason?: string;
}

export function shellPathCommand(shell: string): { file: string; args: string[] } {
  // The markers are split in the source text so the shell's echo of its own command line (set -x,
  // some prompts) cannot be mistaken for the output.
  // `${PATH}` is braced: the marker's underscores would otherwise extend the variable name.
  const script = `printf '%s' "${START.slice(0, 8)}""${START.slice(8)}\${PATH}${END.slice(0, 8)}""${END.slice(8)}"`;
  return { file: shell, args: ['-ilc', script] };
}

export function extractShellPath(stdout: string): string | null {
  const start = stdout.lastIndexOf(START);
  if (start < 0) return null;
  const end = stdout.indexOf(END, start + START.length);
  if (end < 0) return null;
  const value = stdout.slice(start + START.length, end).trim();
  return value.length > 0 && !value.includes('\n') ? value : null;
}

/** Login-shell entries first (as in a terminal), then any the app already had that the shell lacks. */
export function mergePaths(shellPath: string, processPath: string | undefined, sep = delimiter): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of [...shellPath.split(sep), ...(processPath ?? '').split(sep)]) {
    if (entry === '' || seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return out.join(sep);
}

export interface CaptureOptions {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function captureLoginShellPath(options: CaptureOptions): Promise<ShellPathResult> {
  const processPath = options.env.PATH ?? '';
  const keep = (reason: string): ShellPathResult => ({ path: processPath, source: 'process', reason });
  if (options.platform === 'win32') return keep('Windows apps get the full user PATH already');
  const shell = options.env.SHELL;
  if (!shell || !shell.startsWith('/')) return keep('SHELL is not set to an absolute path');

  const { file, args } = shellPathCommand(shell);
  const timeoutMs = options.timeoutMs ?? 3000;
  const stdout = await new Promise<string | Error>((resolve) => {
    let out = '';
    const child = spawn(file, args, {
      // Own process group, so a timeout also ends whatever the rc files started.
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
      // oh-my-zsh and similar frameworks would otherwise try to update themselves.
      env: { ...options.env, DISABLE_AUTO_UPDATE: 'true', ZSH_DISABLE_COMPFIX: 'true' },
    });
    const timer = setTimeout(() => {
      try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      resolve(new Error(`the login shell did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { out += d; });
    child.on('error', (e) => { clearTimeout(timer); resolve(new Error(`could not start ${shell}: ${e.message}`)); });
    child.on('close', () => { clearTimeout(timer); resolve(out); });
  });
  if (stdout instanceof Error) return keep(stdout.message);
  const shellPath = extractShellPath(stdout);
  if (!shellPath) return keep('the login shell printed no PATH');
  return { path: mergePaths(shellPath, processPath), source: 'login-shell' };
}
