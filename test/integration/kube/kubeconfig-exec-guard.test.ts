// Every KubeConfig the kubeconfig source builds (the app's and the CLI's) runs exec credential
// plugins under the guard: a failing plugin's stderr reaches the user, never its stdout.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createKubeconfigSource } from '../../../electron/kube/kubeconfig-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'kd-kube-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kubeconfig source with an exec credential plugin', () => {
  it('gives the plugin\'s stderr and exit code when it fails', async () => {
    const plugin = join(dir, 'cloud-login');
    writeFileSync(plugin, `#!${process.execPath}\nprocess.stdout.write('partial-secret'); process.stderr.write('error: SSO session expired, run cloud login\\n'); process.exit(3)\n`);
    chmodSync(plugin, 0o755);
    const file = join(dir, 'config');
    writeFileSync(file, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'lab',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443' } }],
      users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, args: [], interactiveMode: 'Never' } } }],
      contexts: [{ name: 'lab', context: { cluster: 'c', user: 'u' } }],
    }));
    const kc = createKubeconfigSource({ homeDir: dir, getEnv: () => ({}) }).kubeConfigFor(file, 'lab');
    const error = await kc.applyToHTTPSOptions({} as RequestOptions).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`"${plugin}" failed with exit code 3`);
    expect(message).toContain('SSO session expired, run cloud login');
    expect(message).not.toContain('partial-secret');
  });
});
