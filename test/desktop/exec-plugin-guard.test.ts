// Exec credential plugins through client-node's real ExecAuth, with small Node scripts as plugins.
import { afterAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOptions } from 'node:https';
import { guardExecPlugins, tail } from '../../electron/desktop/exec-plugin-guard.ts';

const dir = mkdtempSync(join(tmpdir(), 'kd-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plugin(name: string, js: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!${process.execPath}\n${js}\n`);
  chmodSync(path, 0o755);
  return path;
}

function kubeConfigFor(command: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:6443', skipTLSVerify: false }],
    users: [{ name: 'u', exec: { apiVersion: 'client.authentication.k8s.io/v1', command, args: [], interactiveMode: 'Never' } }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

async function authorize(kc: KubeConfig): Promise<RequestOptions> {
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  return opts;
}

const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'exec-token-123' } });

describe('guardExecPlugins', () => {
  it('leaves a working plugin working', async () => {
    const kc = kubeConfigFor(plugin('ok', `process.stdout.write(${JSON.stringify(credential)})`));
    expect(guardExecPlugins(kc, { timeoutMs: 5000 })).toBe(true);
    expect((await authorize(kc)).headers).toMatchObject({ Authorization: 'Bearer exec-token-123' });
  });

  it('stops a plugin that hangs and says what to do, with what it printed on stderr', async () => {
    const kc = kubeConfigFor(plugin('hang', `process.stderr.write('Opening browser for login...\\n'); setInterval(() => {}, 1000)`));
    guardExecPlugins(kc, { timeoutMs: 500 });
    const started = Date.now();
    const error = await authorize(kc).then(() => null, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`"${join(dir, 'hang')}" did not answer within 1 s`);
    expect(message).toContain('Opening browser for login...');
  });

  it('reports a failing plugin with its exit code and stderr, never its stdout', async () => {
    const kc = kubeConfigFor(plugin('fail', `process.stdout.write('partial-secret'); process.stderr.write('error: SSO session expired, run aws sso login\\n'); process.exit(2)`));
    guardExecPlugins(kc, { timeoutMs: 5000 });
    const message = await authorize(kc).then(() => '', (e: unknown) => (e as Error).message);
    expect(message).toMatch(/failed with exit code 2/);
    expect(message).toContain('SSO session expired, run aws sso login');
    expect(message).not.toContain('partial-secret');
  });

  it('says a missing plugin is not on PATH', async () => {
    const kc = kubeConfigFor('karpor-test-no-such-plugin');
    guardExecPlugins(kc);
    await expect(authorize(kc)).rejects.toThrow(/"karpor-test-no-such-plugin" was not found on PATH/);
  });

  it('keeps only the end of a long stderr', () => {
    expect(tail('x'.repeat(5000) + 'END', 10)).toBe('…xxxxxxxEND');
  });
});
