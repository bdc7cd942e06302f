import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createKubeconfigSource } from '../../../electron/kube/kubeconfig-source.ts';
import { AppError } from '../../../electron/ipc/app-error.ts';
import { badKubeconfigs, kubeconfigYaml, SECRET_TOKEN, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('kubeconfig source (real files)', () => {
  let tmp: TempDir;
  let env: { KUBECONFIG?: string };
  beforeEach(() => {
    tmp = tempDir();
    env = {};
  });
  afterEach(() => tmp.cleanup());
  const source = () => createKubeconfigSource({ homeDir: path.join(tmp.dir, 'home'), getEnv: () => env, delimiter: ':' });

  it('lists contexts with cluster, user, namespace and server, never credentials', () => {
    const file = tmp.write('config', kubeconfigYaml({ current: 'prod' }));
    const result = source().listContexts(file);
    expect(result).toEqual({
      files: [file],
      currentContext: 'prod',
      contexts: [
        { name: 'kind-karpor', cluster: 'kind-karpor-cluster', user: 'admin', namespace: 'default', server: 'https://127.0.0.1:6443' },
        { name: 'prod', cluster: 'prod-cluster', user: 'admin', server: 'https://127.0.0.1:6443' },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(SECRET_TOKEN);
  });

  it('strips user:password from a server URL', () => {
    const file = tmp.write('config', kubeconfigYaml({ server: 'https://bob:hunter2@127.0.0.1:6443' }));
    expect(JSON.stringify(source().listContexts(file))).not.toContain('hunter2');
  });

  it('reads ~/.kube/config when nothing else is given', () => {
    tmp.write('home/.kube/config', kubeconfigYaml());
    expect(source().listContexts().files).toEqual([path.join(tmp.dir, 'home/.kube/config')]);
  });

  it('merges the KUBECONFIG list like kubectl: first definition and first current-context win, missing files skipped', () => {
    const a = tmp.write('a', kubeconfigYaml({ contexts: [{ name: 'shared', cluster: 'from-a' }, { name: 'only-a' }], current: 'only-a' }));
    const b = tmp.write('b', kubeconfigYaml({ contexts: [{ name: 'shared', cluster: 'from-b' }, { name: 'only-b' }], current: 'only-b' }));
    env.KUBECONFIG = [a, path.join(tmp.dir, 'missing'), b].join(':');
    const result = source().listContexts();
    expect(result.files).toEqual([a, b]);
    expect(result.currentContext).toBe('only-a');
    expect(result.contexts.map((c) => `${c.name}@${c.cluster}`)).toEqual(['shared@from-a', 'only-a@only-a-cluster', 'only-b@only-b-cluster']);
  });

  it('makes certificate paths relative to the kubeconfig folder absolute', () => {
    const file = tmp.write('sub/config', kubeconfigYaml().replaceAll('    insecure-skip-tls-verify: true', '    certificate-authority: ca.crt'));
    const kc = source().kubeConfigFor(file, 'prod');
    expect(kc.getCurrentCluster()?.caFile).toBe(path.join(tmp.dir, 'sub', 'ca.crt'));
    expect(kc.getCurrentContext()).toBe('prod');
  });

  it('refuses a missing explicit file, naming it', () => {
    const err = failure(() => source().listContexts(path.join(tmp.dir, 'nope')));
    expect(err.code).toBe('KUBECONFIG_INVALID');
    expect(err.message).toBe(`Kubeconfig file ${path.join(tmp.dir, 'nope')} does not exist.`);
    expect(err.hint).toBeTruthy();
  });

  it('says when there is no ~/.kube/config and no KUBECONFIG', () => {
    expect(failure(() => source().listContexts()).message).toMatch(/^No kubeconfig found: .*\.kube\/config does not exist and KUBECONFIG is not set\.$/);
  });

  it('says when none of the KUBECONFIG files exist', () => {
    env.KUBECONFIG = `${tmp.dir}/x:${tmp.dir}/y`;
    expect(failure(() => source().listContexts()).message).toMatch(/None of the files listed in KUBECONFIG exist/);
  });

  it('refuses a directory', () => {
    mkdirSync(path.join(tmp.dir, 'd'));
    expect(failure(() => source().listContexts(path.join(tmp.dir, 'd'))).message).toMatch(/is a directory/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', () => {
    const file = tmp.write('locked', kubeconfigYaml());
    chmodSync(file, 0o000);
    expect(failure(() => source().listContexts(file)).message).toMatch(/permission denied/);
  });

  for (const bad of badKubeconfigs) {
    it(`refuses a kubeconfig that is ${bad.name}, naming the file, without echoing its contents`, () => {
      const file = tmp.write(bad.name, bad.content);
      const err = failure(() => source().listContexts(file));
      expect(err.code).toBe('KUBECONFIG_INVALID');
      expect(err.message).toContain(file);
      expect(err.message).toMatch(bad.says);
      expect(err.hint).toBeTruthy();
      expect(`${err.message} ${err.hint}`).not.toContain(SECRET_TOKEN);
    });
  }

  it('refuses an unknown context and lists the ones that exist', () => {
    const file = tmp.write('config', kubeconfigYaml());
    const err = failure(() => source().assertContext(file, 'staging'));
    expect(err.message).toBe(`Context "staging" is not defined in ${file}.`);
    expect(err.hint).toContain('kind-karpor, prod');
  });

  it('refuses a context whose cluster is not defined', () => {
    const file = tmp.write('config', kubeconfigYaml().replace(/- name: prod-cluster\n(.*\n){3}/, ''));
    expect(failure(() => source().assertContext(file, 'prod')).message).toMatch(/refers to cluster "prod-cluster", which is not defined/);
    expect(() => source().assertContext(file, 'kind-karpor')).not.toThrow();
  });
});
