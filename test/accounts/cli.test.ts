// The account, token and hub-kubeconfig commands as a user runs them: the real CLI entry in a child
// process, against the sandbox, through a temporary forward it opens itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createServices } from '../../electron/services.ts';
import { hubRequest } from '../../electron/accounts/hub-http.ts';
import { hubServer } from './harness.ts';

const run = promisify(execFile);
let sandbox: Sandbox;
let dir: string;
const tokens: string[] = [];
const outputs: string[] = [];

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<CliResult> {
  return cliIn(join(dir, 'settings'), ...args);
}

async function cliIn(settingsDir: string, ...args: string[]): Promise<CliResult> {
  const env = { ...process.env, KARPOR_DESKTOP_SETTINGS_DIR: settingsDir, KUBECONFIG: '' };
  let result: CliResult;
  try {
    const { stdout, stderr } = await run(process.execPath, ['electron/cli/main.ts', ...args], { env, timeout: 30_000 });
    result = { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    result = { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
  outputs.push(result.stderr);
  return result;
}
const authn = async (token: string) => (await hubRequest(hubServer(sandbox), '/rest-api/v1/authn', { bearer: token })).status;
const postCluster = async (token: string, name: string) => (await hubRequest(hubServer(sandbox), `/rest-api/v1/cluster/${name}`, { method: 'POST', bearer: token, body: '{}' })).status;

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = await mkdtemp(join(tmpdir(), 'karpor-accounts-cli-'));
  const services = createServices({ settingsDir: join(dir, 'settings'), version: 't', homeDir: dir, getEnv: () => ({}) });
  services.settings.saveProfile({ name: 'sandbox', kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox' });
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
  await rm(dirname(sandbox.kubeconfigPath), { recursive: true, force: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('karpor-desktop account / token / hub-kubeconfig', () => {
  let adminToken = '';

  it('creates admin and guest accounts, then reuses on a second create', async () => {
    const admin = await cli('account', 'create', 'cli-admin', '--role', 'karpor-admin');
    expect(admin).toMatchObject({ code: 0, stdout: 'created account default/cli-admin with role karpor-admin\n' });
    expect((await cli('account', 'create', 'cli-guest', '--role', 'karpor-guest')).code).toBe(0);
    expect((await cli('account', 'create', 'cli-guest', '--role', 'karpor-guest')).stdout).toContain('already exists with role karpor-guest; reused');
    const list = await cli('account', 'list', '-o', 'json');
    const accounts = JSON.parse(list.stdout) as Array<{ name: string; roles: Array<{ role: string }> }>;
    expect(accounts.find((a) => a.name === 'cli-admin')?.roles.map((r) => r.role)).toEqual(['karpor-admin']);
    expect(accounts.find((a) => a.name === 'cli-guest')?.roles.map((r) => r.role)).toEqual(['karpor-guest']);
  }, 90_000);

  it('token create prints only the token on stdout; the token works with its role', async () => {
    const admin = await cli('token', 'create', 'cli-admin', '--duration', '2h');
    const guest = await cli('token', 'create', 'cli-guest');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(admin.stderr).toMatch(/token for default\/cli-admin \(role karpor-admin\), expires /);
    adminToken = admin.stdout.trim();
    const guestToken = guest.stdout.trim();
    tokens.push(adminToken, guestToken);
    expect(admin.stderr).not.toContain(adminToken);
    expect(await authn(adminToken)).toBe(200);
    expect(await authn(guestToken)).toBe(200);
    expect(await postCluster(adminToken, 'cli-made')).toBe(200);
    expect(await postCluster(guestToken, 'cli-denied')).toBe(403);
  }, 60_000);

  it('--duration=9000h reports the shortening on stderr', async () => {
    const res = await cli('token', 'create', 'cli-guest', '--duration=9000h');
    tokens.push(res.stdout.trim());
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/note: The hub granted 8760h .* instead of 9000h .*--service-account-max-token-expiration/);
  });

  it('hub-kubeconfig --out writes a 0600 kubeconfig for the forward that kubectl can use', async () => {
    const out = join(dir, 'hub.kubeconfig');
    const res = await cli('hub-kubeconfig', '--out', out);
    expect(res.code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const doc = parse(await readFile(out, 'utf8')) as { clusters: Array<{ cluster: { server: string } }> };
    expect(doc.clusters[0]?.cluster.server).toBe('https://127.0.0.1:7443');
    // Point it at the hub pod (what a running forward on 7443 leads to) and use it with real kubectl.
    doc.clusters[0]!.cluster.server = hubServer(sandbox);
    const direct = join(dir, 'hub-direct.kubeconfig');
    await writeFile(direct, stringify(doc), { mode: 0o600 });
    const { stdout } = await run('kubectl', ['--kubeconfig', direct, 'get', 'serviceaccounts', '-A', '-o', 'name'], { timeout: 20_000 });
    expect(stdout).toContain('serviceaccount/cli-admin');
  });

  it('bad input fails with exit 1, a clear message, and creates nothing', async () => {
    const before = (await cli('account', 'list', '-o', 'json')).stdout;
    const cases: Array<[string[], RegExp]> = [
      [['account', 'create', 'Bad_Name', '--role', 'karpor-guest'], /Invalid account name/],
      [['account', 'create', 'fine', '--role', 'no-such-role'], /no ClusterRole "no-such-role"/],
      [['token', 'create', 'cli-guest', '--duration', '5m'], /shorter than 10 minutes/],
      [['token', 'create', 'nobody'], /no account "nobody"/],
      [['account', 'delete', 'nobody'], /no account "nobody"/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(...args);
      expect({ args, code: res.code, stdout: res.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(res.stderr).toMatch(message);
    }
    expect((await cli('account', 'create', 'x')).code).toBe(2); // --role missing: usage error
    expect((await cli('account', 'list', '-o', 'json')).stdout).toBe(before);
  }, 120_000);

  it('a context that may not read the ConfigMap is told the kubectl command; --hub-kubeconfig then works', async () => {
    const settingsDir = join(dir, 'settings-noconfigmap');
    createServices({ settingsDir, version: 't', homeDir: dir, getEnv: () => ({}) }).settings.saveProfile({ name: 'limited', kubeconfigPath: sandbox.kubeconfigPath, context: 'sandbox-noconfigmap' });
    const denied = await cliIn(settingsDir, 'account', 'list');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('may not read ConfigMap karpor/karpor-kubeconfig');
    expect(denied.stderr).toContain(`kubectl get configmap karpor-kubeconfig -n karpor -o go-template='{{.data.config}}' > karpor-hub.kubeconfig`);
    // The file an admin would hand over: the ConfigMap's content, read with the admin context.
    const file = join(dir, 'karpor-hub.kubeconfig');
    const { stdout } = await run('kubectl', ['--kubeconfig', sandbox.kubeconfigPath, '--context', 'sandbox', 'get', 'configmap', 'karpor-kubeconfig', '-n', 'karpor', '-o', 'go-template={{.data.config}}'], { timeout: 20_000 });
    await writeFile(file, stdout, { mode: 0o600 });
    const allowed = await cliIn(settingsDir, 'account', 'list', '--hub-kubeconfig', file);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/default\s+cli-guest\s+karpor-guest/);
  }, 60_000);

  it('account delete makes its tokens 401 at once', async () => {
    const res = await cli('account', 'delete', 'cli-admin');
    expect(res).toMatchObject({ code: 0, stdout: 'deleted account default/cli-admin; its tokens no longer work\n' });
    expect(res.stderr).toContain('deleted bindings: cli-admin');
    expect(await authn(adminToken)).toBe(401);
  });

  it('no token leaks into stderr or any file the CLI wrote (the hub kubeconfigs hold no token)', async () => {
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(d, e.name));
        else files.push(join(d, e.name));
      }
    };
    await walk(dir);
    expect(files.length).toBeGreaterThan(1);
    const texts = [...outputs, ...(await Promise.all(files.map((f) => readFile(f, 'utf8'))))];
    for (const t of tokens) for (const text of texts) expect(text.includes(t.split('.')[2] ?? t)).toBe(false);
  });
});
