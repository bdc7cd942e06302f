// Which kubeconfig files kubectl would read, in merge order. Pure: the environment is an argument.
import path from 'node:path';

export interface KubeconfigLocation {
  /** `explicit`: one file the user named; `env`: the KUBECONFIG list; `home`: ~/.kube/config. */
  source: 'explicit' | 'env' | 'home';
  files: string[];
}

export interface KubeconfigEnv {
  explicitPath?: string | null;
  /** The value of KUBECONFIG, if set. */
  kubeconfigEnv?: string;
  homeDir: string;
  /** Path list delimiter of the platform (`:` on Unix, `;` on Windows). */
  delimiter?: string;
}

export function resolveKubeconfigFiles(env: KubeconfigEnv): KubeconfigLocation {
  if (env.explicitPath) return { source: 'explicit', files: [expandHome(env.explicitPath, env.homeDir)] };
  const list = (env.kubeconfigEnv ?? '').split(env.delimiter ?? path.delimiter).filter((f) => f.trim() !== '');
  if (list.length > 0) {
    // kubectl reads each file once, first occurrence first.
    return { source: 'env', files: [...new Set(list.map((f) => expandHome(f, env.homeDir)))] };
  }
  return { source: 'home', files: [path.join(env.homeDir, '.kube', 'config')] };
}

/** `~/x` as a shell would expand it, then absolute: paths come from people typing them. */
export function expandHome(file: string, homeDir: string): string {
  if (file === '~') return homeDir;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(homeDir, file.slice(2));
  return path.resolve(file);
}
