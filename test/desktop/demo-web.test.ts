// `npm run demo:web` end to end: the sandbox starts in-process, the printed address serves the app,
// the pre-made profile points at the sandbox, and Ctrl+C cleans everything up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
let output = '';

const settingsSchema = z.object({
  ok: z.literal(true),
  value: z.object({
    settings: z.object({
      activeProfileId: z.string(),
      profiles: z.array(z.object({ id: z.string(), name: z.string(), kubeconfigPath: z.string(), context: z.string(), namespace: z.string(), service: z.string(), localPort: z.number() })),
    }),
  }),
});

function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    const deadline = setTimeout(() => reject(new Error(`demo:web printed no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = (): void => {
      const m = pattern.exec(output);
      if (m) { clearTimeout(deadline); resolvePromise(m); }
    };
    child?.stdout?.on('data', check);
    child?.on('exit', () => { clearTimeout(deadline); reject(new Error(`demo:web exited early:\n${output}`)); });
    check();
  });
}

describe('npm run demo:web', () => {
  let url: URL;

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/renderer/index.html'))) {
      const r = spawnSync('node', ['scripts/build.ts', 'renderer'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`renderer build failed:\n${r.stderr}`);
    }
    child = spawn('node', ['scripts/demo-web.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { output += d; });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { output += d; });
    url = new URL((await waitFor(/^Open: (\S+)$/m, 60_000))[1]);
  }, 150_000);

  afterAll(() => { if (child && child.exitCode === null) child.kill('SIGKILL'); });

  it('prints a loopback address that serves the app', async () => {
    expect(url.hostname).toBe('127.0.0.1');
    const res = await fetch(new URL('/', url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"');
  });

  it('opens with an active profile pointing at the sandbox it started', async () => {
    const secret = new URLSearchParams(url.hash.slice(1)).get('bridge') ?? '';
    const res = await fetch(new URL('/ipc/settings:get', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-karpor-bridge-secret': secret }, body: '{}' });
    const { settings } = settingsSchema.parse(await res.json()).value;
    const [profile] = settings.profiles;
    expect(settings.profiles).toHaveLength(1);
    expect(settings.activeProfileId).toBe(profile.id);
    expect(profile).toMatchObject({ name: 'Sandbox', context: 'sandbox', namespace: 'karpor', service: 'karpor-server' });
    expect(output).toContain(`sandbox kubeconfig: ${profile.kubeconfigPath}`);
    // The printed kubeconfig reaches the running sandbox with the real kubectl.
    const kubectl = spawnSync('kubectl', ['--kubeconfig', profile.kubeconfigPath, 'get', 'service', 'karpor-server', '-n', 'karpor', '-o', 'name'], { encoding: 'utf8', timeout: 20_000 });
    expect(kubectl.stdout.trim()).toBe('service/karpor-server');
  });

  it('stops on Ctrl+C and deletes its throw-away settings and sandbox kubeconfig', async () => {
    const settingsDir = /settings \(deleted on exit\): (\S+)/.exec(output)?.[1] ?? '';
    const kubeconfig = /sandbox kubeconfig: (\S+)/.exec(output)?.[1] ?? '';
    expect(existsSync(settingsDir)).toBe(true);
    expect(existsSync(kubeconfig)).toBe(true);
    const exited = new Promise<number | null>((r) => child?.once('exit', (code) => r(code)));
    child?.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(settingsDir)).toBe(false);
    expect(existsSync(kubeconfig)).toBe(false);
  }, 30_000);
});
