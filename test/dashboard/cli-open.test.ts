// `karpor-desktop open --print` as users run it: a separate process against the sandbox, with its own
// forward (kept until Ctrl-C) or the one a running app holds on the profile's port.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createServices } from '../../electron/services.ts';
import { createAesGcmEncryptor } from '../../electron/accounts/vault/aes-gcm-encryptor.ts';
import { forwardService, freePort, target, waitForState } from '../forward/forward-helpers.ts';

const entry = resolve('electron/cli/main.ts');

function authnStatus(port: number, token: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = https.request({ host: '127.0.0.1', port, path: '/rest-api/v1/authn', rejectUnauthorized: false, agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

describe('karpor-desktop open', () => {
  let sandbox: Sandbox;
  let dir: string;
  let port: number;
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', HOME: dir, KARPOR_DESKTOP_SETTINGS_DIR: join(dir, 'settings') });
  const run = (args: string[]): Run => {
    const child = spawn(process.execPath, [entry, ...args], { env: env() });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    void exit.then(() => clearTimeout(timer));
    return { child, stdout: () => out, stderr: () => err, exit };
  };
  const until = async (probe: () => boolean, what: () => string, ms = 25_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = await mkdtemp(join(tmpdir(), 'karpor-cli-open-'));
    port = await freePort();
    const services = createServices({
      settingsDir: join(dir, 'settings'),
      version: '0.0.0-test',
      homeDir: dir,
      getEnv: () => ({}),
      accounts: {
        forward: async () => ({ server: `https://127.0.0.1:${sandbox.pods().find((p) => p.ready)?.hubPort ?? 0}`, release: async () => undefined }),
        encryptor: createAesGcmEncryptor(randomBytes(32), 'os'),
      },
    });
    services.settings.saveProfile({ name: 'sandbox', kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox', localPort: port });
    await services.accounts.accounts.create({ name: 'karpor-admin', role: 'karpor-admin' });
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('--print: URL then token on stdout, forwarding until Ctrl-C', async () => {
    const r = run(['open', '--account', 'karpor-admin', '--print']);
    await until(() => r.stdout().split('\n').length >= 3, () => `stdout=${r.stdout()} stderr=${r.stderr()}`);
    const [url, token] = r.stdout().split('\n');
    expect(url).toBe(`https://127.0.0.1:${port}/`);
    expect(token).toMatch(/^eyJ/);
    await until(() => /press Ctrl-C/.test(r.stderr()), () => r.stderr());
    // The browser would reach the dashboard through this very process's forward, and the token works there.
    expect(await authnStatus(port, token ?? '')).toBe(200);
    expect(r.stderr()).not.toContain(token);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
    await expect(authnStatus(port, token ?? '')).rejects.toThrow();
  });

  it('uses the forward a running app holds on the port, and exits by itself', async () => {
    const appForward = forwardService();
    try {
      await appForward.start(target(sandbox.kubeconfigPath, port));
      await waitForState(appForward, (s) => s.status === 'ready');
      const r = run(['open', '--account', 'karpor-admin', '--print']);
      expect(await r.exit).toBe(0);
      const [url, token] = r.stdout().split('\n');
      expect(url).toBe(`https://127.0.0.1:${port}/`);
      expect(await authnStatus(port, token ?? '')).toBe(200);
      expect(r.stderr()).not.toMatch(/Ctrl-C/);
    } finally {
      await appForward.stop();
    }
  });

  it('says which account to use when none is given and no default is set (exit 1)', async () => {
    const r = run(['open', '--print']);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/error: Which account should the dashboard open as\?/);
    expect(r.stderr()).toMatch(/hint: .*default account/);
    expect(r.stdout()).toBe('');
  });

  it('with RBAC off prints only the URL', async () => {
    sandbox.hub.setRbac(false);
    try {
      const r = run(['open', '--account', 'karpor-admin', '--print']);
      await until(() => /press Ctrl-C/.test(r.stderr()), () => r.stderr());
      r.child.kill('SIGINT');
      expect(await r.exit).toBe(0);
      expect(r.stdout()).toBe(`https://127.0.0.1:${port}/\n`);
      expect(r.stderr()).toMatch(/RBAC is off/);
    } finally {
      sandbox.hub.setRbac(true);
    }
  });
});
