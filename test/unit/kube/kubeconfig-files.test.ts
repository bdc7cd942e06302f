import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { expandHome, resolveKubeconfigFiles } from '../../../electron/kube/kubeconfig-files.ts';

describe('resolveKubeconfigFiles (kubectl precedence)', () => {
  const homeDir = '/home/ada';

  it('uses an explicit path before KUBECONFIG', () => {
    expect(resolveKubeconfigFiles({ explicitPath: '/x/config', kubeconfigEnv: '/a:/b', homeDir, delimiter: ':' }))
      .toEqual({ source: 'explicit', files: ['/x/config'] });
  });

  it('splits KUBECONFIG with the platform delimiter, keeps order, drops empties and repeats', () => {
    expect(resolveKubeconfigFiles({ kubeconfigEnv: '/a::/b:/a', homeDir, delimiter: ':' })).toEqual({ source: 'env', files: ['/a', '/b'] });
    expect(resolveKubeconfigFiles({ kubeconfigEnv: 'C:\\k\\a;C:\\k\\b', homeDir, delimiter: ';' }).files).toHaveLength(2);
  });

  it('falls back to ~/.kube/config when KUBECONFIG is unset or blank', () => {
    expect(resolveKubeconfigFiles({ homeDir })).toEqual({ source: 'home', files: [path.join(homeDir, '.kube', 'config')] });
    expect(resolveKubeconfigFiles({ kubeconfigEnv: ' ', homeDir, delimiter: ':' }).source).toBe('home');
  });

  it('expands ~ and makes relative paths absolute', () => {
    expect(expandHome('~/.kube/dev', homeDir)).toBe(path.join(homeDir, '.kube/dev'));
    expect(expandHome('~', homeDir)).toBe(homeDir);
    expect(path.isAbsolute(expandHome('rel/config', homeDir))).toBe(true);
  });
});
