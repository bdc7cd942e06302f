// The hub commands for a user who has no app profile: the real CLI in child processes against the
// sandbox, aimed with --kubeconfig/--context (or kubectl's current context), never creating a settings file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createServices } from '../../electron/services.ts';
import { hubRequest } from '../../electron/accounts/hub-http.ts';
import { freePort } from '../forward/forward-helpers.ts';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let sandbox: Sandbox;
let dir: string;
/** A settings folder that must stay absent: commands aimed by flags or kubectl never create it. */
let noSettings: string;
const tokens: string[] = [];
const stderrs: string[] = [];

function cli(args: string[], env: { KUBECONFIG?: string; settingsDir?: string } = {}): Promise<CliResult> {
  const childEnv = { ...process.env, KARPOR_DESKTOP_SETTINGS_DIR: env.settingsDir ?? noSettings, KUBECONFIG: env.KUBECONFIG ?? '', HOME: dir };
  return new Promise((resolve) => {
    execFile(process.execPath, ['electron/cli/main.ts', ...args], { env: childEnv, timeout: 30_000 }, (err, stdout, stderr) => {
      stderrs.push(stderr);
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const flags = () => ['--kubeconfig', sandbox.kubeconfigPath, '--context', 'sandbox'];

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = await mkdtemp(join(tmpdir(), 'karpor-cli-target-'));
  noSettings = join(dir, 'no-settings');
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
  if (sandbox) await rm(dirname(sandbox.kubeconfigPath), { recursive: true, force: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hub commands without an app profile', () => {
  it('account create/list/delete, token create and hub-kubeconfig work with --kubeconfig/--context and create no settings file', async () => {
    const created = await cli(['account', 'create', 'flag-admin', '--role', 'karpor-admin', ...flags()]);
    expect(created).toMatchObject({ code: 0, stdout: 'created account default/flag-admin with role karpor-admin\n' });
    // Flags given: no "using ..." line, the user said which cluster.
    expect(created.stderr).toBe('');
    expect((await cli(['account', 'create', 'flag-guest', '--role', 'karpor-guest', '--namespace', 'default', ...flags()])).code).toBe(0);

    const list = await cli(['account', 'list', '-o', 'json', ...flags(), '--karpor-namespace', 'karpor']);
    const accounts = JSON.parse(list.stdout) as Array<{ namespace: string; name: string; roles: Array<{ role: string }> }>;
    expect(accounts.find((a) => a.name === 'flag-admin')?.roles.map((r) => r.role)).toEqual(['karpor-admin']);
    expect(accounts.find((a) => a.name === 'flag-guest')).toMatchObject({ namespace: 'default', roles: [{ role: 'karpor-guest' }] });

    const token = await cli(['token', 'create', 'flag-guest', '--namespace', 'default', '--duration', '2h', ...flags()]);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    tokens.push(token.stdout.trim());

    const out = join(dir, 'hub.kubeconfig');
    const hub = await cli(['hub-kubeconfig', '--out', out, '--local-port', '17555', ...flags()]);
    expect(hub.code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const doc = parse(await readFile(out, 'utf8')) as { clusters: Array<{ cluster: { server: string } }> };
    expect(doc.clusters[0]?.cluster.server).toBe('https://127.0.0.1:17555');

    const deleted = await cli(['account', 'delete', 'flag-guest', ...flags()]);
    expect(deleted).toMatchObject({ code: 0, stdout: 'deleted account default/flag-guest; its tokens no longer work\n' });
    expect(existsSync(noSettings)).toBe(false);
  }, 120_000);

  it('with no flags and no profile, uses the current context of the kubeconfig kubectl would use, and says so', async () => {
    const res = await cli(['account', 'list'], { KUBECONFIG: sandbox.kubeconfigPath });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/default\s+flag-admin\s+karpor-admin/);
    expect(res.stderr).toContain('using context "sandbox", Karpor in namespace karpor (no profile; as kubectl would)');
    // --karpor-namespace alone is a target flag: the context still defaults to the current one.
    const ns = await cli(['account', 'list', '--karpor-namespace', 'elsewhere'], { KUBECONFIG: sandbox.kubeconfigPath });
    expect(ns.code).toBe(1);
    expect(ns.stderr).toContain('ConfigMap elsewhere/karpor-kubeconfig does not exist on context "sandbox"');
    expect(existsSync(noSettings)).toBe(false);
  }, 60_000);

  it('the active profile wins over kubectl when no flag is given; flags win over the profile', async () => {
    const settingsDir = join(dir, 'settings-limited');
    const services = createServices({ settingsDir, version: 't', homeDir: dir, getEnv: () => ({}) });
    services.settings.saveProfile({ name: 'limited', kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox-noconfigmap' });
    const viaProfile = await cli(['account', 'list'], { KUBECONFIG: sandbox.kubeconfigPath, settingsDir });
    expect(viaProfile.code).toBe(1);
    expect(viaProfile.stderr).toContain('using profile "limited"');
    expect(viaProfile.stderr).toContain('Context "sandbox-noconfigmap" may not read ConfigMap karpor/karpor-kubeconfig');
    expect(viaProfile.stderr).toContain('--hub-kubeconfig FILE');
    const viaFlags = await cli(['account', 'list', '--context', 'sandbox'], { KUBECONFIG: sandbox.kubeconfigPath, settingsDir });
    expect(viaFlags.code).toBe(0);
    expect(viaFlags.stdout).toMatch(/flag-admin/);
  }, 60_000);

  it('a token piped from "token create" authenticates through a running "forward"', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['electron/cli/main.ts', 'forward', '--local-port', String(port)], {
      env: { ...process.env, KUBECONFIG: sandbox.kubeconfigPath, KARPOR_DESKTOP_SETTINGS_DIR: noSettings, HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (!/Ready on/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      expect(out).toMatch(/Ready on https:\/\/127\.0\.0\.1:\d+/);
      const token = (await cli(['token', 'create', 'flag-admin', '--duration', '2h'], { KUBECONFIG: sandbox.kubeconfigPath })).stdout.trim();
      tokens.push(token);
      expect((await hubRequest(`https://127.0.0.1:${port}`, '/rest-api/v1/authn', { bearer: token })).status).toBe(200);
      expect((await hubRequest(`https://127.0.0.1:${port}`, '/rest-api/v1/authn', { bearer: `${token}x` })).status).toBe(401);
      const open = await cli(['open', '--print', '--account', 'flag-admin', '--local-port', String(port)], { KUBECONFIG: sandbox.kubeconfigPath });
      expect(open.code).toBe(0);
      const [url, printed] = open.stdout.trim().split('\n');
      expect(url).toBe(`https://127.0.0.1:${port}/`);
      tokens.push(printed ?? '');
      expect((await hubRequest(`https://127.0.0.1:${port}`, '/rest-api/v1/authn', { bearer: printed ?? '' })).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(existsSync(noSettings)).toBe(false);
  }, 60_000);

  it('bad flag values are usage errors (exit 2) with one clear sentence and a hint', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['account', 'list', '--karpor-namespace', 'Karpor_NS'], /--karpor-namespace takes a Kubernetes name/],
      [['account', 'list', '--service', '-x-'], /--service takes a Kubernetes name/],
      [['token', 'create', 'a', '--port', '0'], /--port must be a port number 1-65535, got "0"/],
      [['hub-kubeconfig', '--local-port', '70000'], /--local-port must be a port number 1-65535/],
      [['open', '--print', '--local-port', 'abc'], /--local-port must be a port number/],
      [['forward', '--karpor-namespace', 'a.b'], /--karpor-namespace takes a Kubernetes name/],
      [['account', 'create', 'x', '--role', 'karpor-guest', '--namespace', 'Bad_NS'], /use lower-case \(e\.g\. "bad-ns"\)/],
      [['account', 'list', '--context', ''], /--context must not be empty/],
      [['account', 'create', 'x'], /required option '--role <role>'/],
    ];
    for (const [args, message] of cases) {
      const res = await cli([...args], { KUBECONFIG: sandbox.kubeconfigPath });
      expect({ args, code: res.code, stdout: res.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(res.stderr).toMatch(message);
      expect(res.stderr).toMatch(/\nhint: run "karpor-desktop [a-z -]+--help"/);
    }
    expect(existsSync(noSettings)).toBe(false);
  }, 60_000);

  it('bad targets and inputs are operational errors (exit 1): one sentence, a hint, no stack', async () => {
    // open starts its own forward when nothing answers on the local port: give it a free one.
    const openPort = String(await freePort());
    const cases: Array<[string[], RegExp]> = [
      [['account', 'list', '--context', 'nope', '--kubeconfig', sandbox.kubeconfigPath], /Context "nope" is not defined in .*\nhint: Choose one of the contexts it defines: sandbox/],
      [['account', 'list', '--kubeconfig', join(dir, 'missing.yaml')], /Kubeconfig file .*missing\.yaml does not exist\.\nhint: /],
      [['token', 'create', 'nobody', ...flags()], /There is no account "nobody" in namespace "default" of the hub\.\nhint: /],
      [['token', 'create', 'flag-admin', '--duration', 'soon', ...flags()], /Invalid duration: .*\nhint: check the values given; "karpor-desktop token create --help"/],
      [['account', 'create', 'Bad_Name', '--role', 'karpor-guest', ...flags()], /use lower-case \(e\.g\. "bad-name"\)/],
      [['account', 'create', 'fine', '--role', 'no-such-role', ...flags()], /The hub has no ClusterRole "no-such-role"\.\nhint: Choose one of: karpor-guest, karpor-admin/],
      [['account', 'create', 'x', '--role', 'karpor-guest', '--namespace', 'no-such-ns', ...flags()], /namespaces "no-such-ns" not found\nhint: /],
      [['open', '--print', '--local-port', openPort, ...flags()], /No default account is set\.\nhint: Pass --account NAME/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(args);
      expect({ args, code: res.code, stdout: res.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(res.stderr).toMatch(message);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    }
    const noKubeconfig = await cli(['account', 'list']);
    expect(noKubeconfig.code).toBe(1);
    expect(noKubeconfig.stderr).toMatch(/^error: No kubeconfig found: .* does not exist and KUBECONFIG is not set\.\nhint: /);
    expect(existsSync(noSettings)).toBe(false);
  }, 120_000);

  it('no token appears on stderr', () => {
    expect(tokens.length).toBeGreaterThan(2);
    for (const t of tokens) for (const text of stderrs) expect(text.includes(t.split('.')[2] ?? t)).toBe(false);
  });
});
