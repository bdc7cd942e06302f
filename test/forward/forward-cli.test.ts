// `karpor-desktop forward` as users run it: a real process, one line per state change, exit 0 on SIGINT.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { freePort, request } from './forward-helpers.ts';
import { isPortFree } from '../../electron/forward/local-port.ts';

const cli = fileURLToPath(new URL('../../electron/cli/main.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KUBECONFIG: '' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (re: RegExp, ms: number) => {
    const deadline = Date.now() + ms;
    while (!re.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
    if (!re.test(out)) throw new Error(`no ${re} in output within ${ms} ms:\n${out}\n${err}`);
  };
  return { child, exited, waitFor, out: () => out, err: () => err };
}

describe('karpor-desktop forward', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ rbac: false });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('prints one line per state change, forwards, and exits 0 on SIGINT with the port released', async () => {
    const port = await freePort();
    const p = run(['forward', '--kubeconfig', sb.kubeconfigPath, '--context', 'sandbox', '--local-port', String(port)]);
    await p.waitFor(/Ready on https:\/\/127\.0\.0\.1:\d+ via pod karpor-server-/, 20_000);
    expect(p.out()).toMatch(/^\S+Z Starting on 127\.0\.0\.1:\d+\n\S+Z Ready on/m);
    expect((await request(port, '/livez')).status).toBe(200);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/Stopped\n$/);
    expect(await isPortFree(port)).toBe(true);
  }, 40_000);

  it('exits 1 with the port, the cause and a free --local-port when the local port is taken', async () => {
    const port = await freePort();
    const first = run(['forward', '--kubeconfig', sb.kubeconfigPath, '--context', 'sandbox', '--local-port', String(port)]);
    await first.waitFor(/Ready on/, 20_000);
    const second = run(['forward', '--kubeconfig', sb.kubeconfigPath, '--context', 'sandbox', '--local-port', String(port)]);
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`Local port ${port} is already in use`);
    expect(second.err()).toMatch(/kubectl port-forward/);
    expect(second.err()).toMatch(/--local-port \d+/);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  }, 40_000);

  it('rejects a bad port as a usage error (exit 2)', async () => {
    const p = run(['forward', '--kubeconfig', sb.kubeconfigPath, '--local-port', '70000']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain('--local-port must be a port number');
  }, 20_000);
});
