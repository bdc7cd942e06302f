// `npm run sandbox`: the one-line readiness message, a usable kubeconfig, options applied, a clean exit on signals.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl } from './common/kubectl.ts';

const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['test/sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run sandbox', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints "sandbox ready kubeconfig=FILE", applies --pods, and exits 0 on ${signal}`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'host.kubeconfig');
      const p = run(['--kubeconfig-out', file, '--pods', '2', '--rbac', 'off', '--max-token-expiration', '2h', '--pod-restart-delay', '100']);
      await waitFor('ready line', () => p.out().includes('\n'), 15_000);
      expect(p.out()).toBe(`sandbox ready kubeconfig=${file}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const pods = await kubectl(file, ['get', 'pods', '-n', 'karpor', '-o', 'name']);
      expect(pods.stdout.trim().split('\n')).toHaveLength(2);
      p.child.kill(signal);
      expect(await p.exited).toBe(0);
    });
  }

  it('refuses a bad option value with a message naming it', async () => {
    const p = run(['--rbac', 'maybe']);
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('--rbac takes "on" or "off", got "maybe"');
    const d = run(['--max-token-expiration', '10 days']);
    expect(await d.exited).toBe(1);
    expect(d.err()).toContain('invalid duration "10 days"');
  });
});
