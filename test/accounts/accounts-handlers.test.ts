// Issue 5 through the real IPC dispatcher and services, against the sandbox (host cluster + Karpor hub)
// and real kubectl. Every token the suite sees is collected; the last test searches everything written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createHarness, hubServer, type Harness } from './harness.ts';
import { hubRequest } from '../../electron/accounts/hub-http.ts';
import { tokenKubeconfigYaml } from '../../electron/accounts/export-kubeconfig.ts';
import { anyFreePort } from '../../electron/forward/local-port.ts';

const run = promisify(execFile);
const tokens: string[] = [];
const dirs: string[] = [];
let sandbox: Sandbox;
let h: Harness;
let adminKubeconfig: string; // the hub's own kubeconfig, as the guide's manual steps make it

async function kubectl(kubeconfig: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('kubectl', ['--kubeconfig', kubeconfig, ...args], { timeout: 20_000 });
  return stdout;
}
async function kubectlFails(kubeconfig: string, ...args: string[]): Promise<string> {
  try {
    await run('kubectl', ['--kubeconfig', kubeconfig, ...args], { timeout: 20_000 });
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? err);
  }
  throw new Error(`kubectl ${args.join(' ')} unexpectedly succeeded`);
}
const authn = async (token: string) => (await hubRequest(hubServer(sandbox), '/rest-api/v1/authn', { bearer: token })).status;
const hubNames = async (resource: string) => (await kubectl(adminKubeconfig, 'get', resource, '-A', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}')).split('\n').filter(Boolean);

beforeAll(async () => {
  sandbox = await startSandbox();
  dirs.push(dirname(sandbox.kubeconfigPath));
  h = await createHarness(sandbox);
  dirs.push(h.dir);
  adminKubeconfig = join(h.dir, 'hub-admin.kubeconfig');
  await writeFile(adminKubeconfig, sandbox.hub.kubeconfigYaml(hubServer(sandbox)), { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('hub connection', () => {
  it('reads the hub kubeconfig from the ConfigMap and reports RBAC on', async () => {
    const status = await h.call('hub:status');
    expect(status).toMatchObject({ source: 'configmap', origin: 'ConfigMap karpor/karpor-kubeconfig', viaForward: true, rbacEnabled: true, notice: null });
    expect(status.server).toBe(hubServer(sandbox));
  });

  it('never writes the ConfigMap', async () => {
    const rv = await kubectl(sandbox.kubeconfigPath, '--context', 'sandbox', '-n', 'karpor', 'get', 'configmap', 'karpor-kubeconfig', '-o', 'jsonpath={.metadata.resourceVersion}');
    await h.call('accounts:list');
    expect(await kubectl(sandbox.kubeconfigPath, '--context', 'sandbox', '-n', 'karpor', 'get', 'configmap', 'karpor-kubeconfig', '-o', 'jsonpath={.metadata.resourceVersion}')).toBe(rv);
  });

  it('RBAC off: says plainly that no token is needed and how to enable RBAC', async () => {
    sandbox.hub.setRbac(false);
    try {
      const status = await h.call('hub:status');
      expect(status.rbacEnabled).toBe(false);
      expect(status.notice).toMatch(/needs no token/);
      expect(status.notice).toContain('--set server.enableRbac=true');
    } finally {
      sandbox.hub.setRbac(true);
    }
  });

  it('a context that may not read the ConfigMap gets FORBIDDEN with the kubectl command and the import offer; importing works', async () => {
    const limited = await createHarness(sandbox, 'sandbox-noconfigmap');
    dirs.push(limited.dir);
    const err = await limited.callError('hub:status');
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('karpor/karpor-kubeconfig');
    expect(err.hint).toContain(`kubectl get configmap karpor-kubeconfig -n karpor -o go-template='{{.data.config}}' > karpor-hub.kubeconfig`);
    expect(err.hint).toMatch(/import/i);
    // The admin runs exactly that command (real kubectl, admin context) and hands over the file.
    const file = join(limited.dir, 'karpor-hub.kubeconfig');
    await writeFile(file, await kubectl(sandbox.kubeconfigPath, '--context', 'sandbox', 'get', 'configmap', 'karpor-kubeconfig', '-n', 'karpor', '-o', 'go-template={{.data.config}}'));
    const status = await limited.call('hub:import', { path: file });
    expect(status).toMatchObject({ source: 'file', origin: file, viaForward: true, rbacEnabled: true });
    expect((await limited.call('accounts:roles')).roles[0]).toBe('karpor-guest');
    // Editing the active profile (another context) means another hub: back to that cluster's ConfigMap.
    const profile = limited.services.settings.get().settings.profiles[0];
    if (!profile) throw new Error('no profile');
    await limited.call('profiles:save', { ...profile, context: 'sandbox' });
    expect((await limited.call('hub:status')).source).toBe('configmap');
  });

  it('an unusable import is refused and keeps the previous source', async () => {
    const file = join(h.dir, 'bad.kubeconfig');
    await writeFile(file, 'clusters: []\nusers: []\n');
    expect((await h.callError('hub:import', { path: file })).code).toBe('KUBECONFIG_INVALID');
    expect((await h.callError('hub:import', { path: join(h.dir, 'missing') })).code).toBe('NOT_FOUND');
    expect((await h.call('hub:status')).source).toBe('configmap');
  });
});

describe('accounts and tokens', () => {
  let adminToken = '';
  let guestToken = '';

  it('offers karpor-guest first and preselected, karpor-admin second', async () => {
    const { roles, defaultRole } = await h.call('accounts:roles');
    expect(roles.slice(0, 2)).toEqual(['karpor-guest', 'karpor-admin']);
    expect(defaultRole).toBe('karpor-guest');
  });

  it('creates admin and guest accounts named as the guide names them; creating again reuses', async () => {
    const admin = await h.call('accounts:create', { name: 'karpor-admin', role: 'karpor-admin' });
    expect(admin).toMatchObject({ created: true, account: { name: 'karpor-admin', namespace: 'default', roles: [{ role: 'karpor-admin', binding: 'karpor-admin', bindingNamespace: null }] } });
    const guest = await h.call('accounts:create', { name: 'karpor-guest', role: 'karpor-guest' });
    expect(guest.created).toBe(true);
    expect((await h.call('accounts:create', { name: 'karpor-guest', role: 'karpor-guest' })).created).toBe(false);
    // Real kubectl sees what the guide would have made.
    expect(await kubectl(adminKubeconfig, 'get', 'clusterrolebinding', 'karpor-admin', '-o', 'jsonpath={.roleRef.name} {.subjects[0].kind} {.subjects[0].namespace}/{.subjects[0].name}')).toBe(
      'karpor-admin ServiceAccount default/karpor-admin',
    );
  });

  it('mints tokens that authenticate with the right role (admin may POST a cluster, guest gets 403)', async () => {
    const a = await h.call('tokens:create', { account: 'karpor-admin', duration: '1000h' });
    const g = await h.call('tokens:create', { account: 'karpor-guest', duration: '8h', keep: true });
    adminToken = a.token;
    guestToken = g.token;
    tokens.push(a.token, g.token);
    expect(a).toMatchObject({ account: 'karpor-admin', role: 'karpor-admin', requestedSeconds: 3_600_000, shortenedBySeconds: null, notice: null });
    expect(Math.abs(Date.parse(a.expiresAt) - Date.parse(a.issuedAt) - 3_600_000_000)).toBeLessThan(5_000);
    expect(a.kept).not.toBeNull(); // keepTokens defaults to true
    expect(await authn(a.token)).toBe(200);
    expect(await authn(g.token)).toBe(200);
    const server = hubServer(sandbox);
    expect((await hubRequest(server, '/rest-api/v1/cluster/from-admin', { method: 'POST', bearer: a.token, body: '{}' })).status).toBe(200);
    expect((await hubRequest(server, '/rest-api/v1/cluster/from-guest', { method: 'POST', bearer: g.token, body: '{}' })).status).toBe(403);
    expect(await authn('not-a-token')).toBe(401);
  });

  it('reports a shortened lifetime and why (--duration=9000h)', async () => {
    const t = await h.call('tokens:create', { account: 'karpor-guest', duration: '9000h', keep: false });
    tokens.push(t.token);
    expect(t.kept).toBeNull();
    expect(t.grantedSeconds).toBeGreaterThan(8760 * 3600 - 60);
    expect(t.grantedSeconds).toBeLessThanOrEqual(8760 * 3600);
    expect(t.shortenedBySeconds).toBeGreaterThanOrEqual(240 * 3600 - 60);
    expect(t.notice).toContain('--service-account-max-token-expiration');
    expect(t.notice).toMatch(/granted 8760h \(365d\) instead of 9000h \(375d\) \(shortened by 240h \(10d\)\)/);
  });

  it('the vault lists metadata only, reveals the token, and stores it encrypted in a 0600 file', async () => {
    const list = await h.call('tokens:list');
    expect(list).toMatchObject({ protection: 'os', keepTokens: true, notice: null });
    expect(list.tokens.map((t) => t.account).sort()).toEqual(['karpor-admin', 'karpor-guest']);
    expect(JSON.stringify(list)).not.toContain(adminToken);
    const guest = list.tokens.find((t) => t.account === 'karpor-guest');
    expect(guest?.role).toBe('karpor-guest');
    expect((await h.call('tokens:reveal', { id: guest?.id ?? '' })).token).toBe(guestToken);
    const vaultFile = join(h.dir, 'settings', 'token-vault.json');
    expect((await stat(vaultFile)).mode & 0o777).toBe(0o600);
    const text = await readFile(vaultFile, 'utf8');
    expect(text).not.toContain(guestToken);
    expect(text).not.toContain(guestToken.split('.')[1]);
    expect(await h.call('tokens:copy', { id: guest?.id ?? '' })).toEqual({ clearsAfterSeconds: 60 });
    expect(h.clipboardText()).toBe(guestToken);
    await h.services.accounts.clipboard?.flush(); // what the 60-s timer does when nothing else was copied
    expect(h.clipboardText()).toBe('');
  });

  it('keepTokens off: tokens are not kept', async () => {
    await h.call('preferences:update', { keepTokens: false });
    const t = await h.call('tokens:create', { account: 'karpor-guest', duration: '1h' });
    tokens.push(t.token);
    expect(t.kept).toBeNull();
    expect((await h.call('tokens:list')).tokens).toHaveLength(2);
    await h.call('preferences:update', { keepTokens: true });
  });

  it('renews a kept token with the same duration, under the same id', async () => {
    const before = (await h.call('tokens:list')).tokens.find((t) => t.account === 'karpor-guest');
    if (!before) throw new Error('guest token missing');
    const renewed = await h.call('tokens:renew', { id: before.id });
    expect(renewed).not.toHaveProperty('token'); // only tokens:create and tokens:reveal hand a token over
    expect(renewed.kept.id).toBe(before.id);
    expect(renewed.requestedSeconds).toBe(8 * 3600);
    const fresh = (await h.call('tokens:reveal', { id: before.id })).token;
    tokens.push(fresh);
    expect(fresh).not.toBe(guestToken);
    expect(await authn(fresh)).toBe(200);
  });

  it('exports a 0600 kubeconfig that real kubectl uses against the hub', async () => {
    await h.call('accounts:create', { name: 'hub-ops', role: 'cluster-admin' });
    const t = await h.call('tokens:create', { account: 'hub-ops', duration: '1h' });
    tokens.push(t.token);
    const out = await h.call('tokens:exportKubeconfig', { id: t.kept?.id ?? '' });
    expect(out.path).toBe(join(h.dir, 'karpor-default-hub-ops.kubeconfig'));
    expect((await stat(out.path)).mode & 0o777).toBe(0o600);
    const names = await kubectl(out.path, 'get', 'serviceaccounts', '-A', '-o', 'name');
    expect(names).toContain('serviceaccount/karpor-admin');
    expect(names).toContain('serviceaccount/hub-ops');
    // The guest's exported kubeconfig authenticates but may not list: the hub says Forbidden, not Unauthorized.
    const guest = (await h.call('tokens:list')).tokens.find((k) => k.account === 'karpor-guest');
    const guestOut = await h.call('tokens:exportKubeconfig', { id: guest?.id ?? '', path: join(h.dir, 'guest.kubeconfig') });
    expect(await kubectlFails(guestOut.path, 'get', 'serviceaccounts', '-A')).toMatch(/forbidden/i);
  });

  it('accounts made with kubectl per the guide appear in the list the same way', async () => {
    await kubectl(adminKubeconfig, 'create', 'serviceaccount', 'by-hand');
    await kubectl(adminKubeconfig, 'create', 'clusterrolebinding', 'by-hand', '--clusterrole=karpor-guest', '--serviceaccount=default:by-hand');
    const byHand = (await h.call('accounts:list')).accounts.find((a) => a.name === 'by-hand');
    expect(byHand).toMatchObject({ namespace: 'default', roles: [{ role: 'karpor-guest', binding: 'by-hand', bindingNamespace: null }] });
    // ...and the app treats it as its own: same role = reuse, another role = conflict, unchanged.
    expect((await h.call('accounts:create', { name: 'by-hand', role: 'karpor-guest' })).created).toBe(false);
    const conflict = await h.callError('accounts:create', { name: 'by-hand', role: 'karpor-admin' });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('karpor-guest');
    expect(await kubectl(adminKubeconfig, 'get', 'clusterrolebinding', 'by-hand', '-o', 'jsonpath={.roleRef.name}')).toBe('karpor-guest');
  });

  it('a ClusterRole granted by a RoleBinding shows with its namespace, and deleting removes that binding too', async () => {
    await kubectl(adminKubeconfig, 'create', 'serviceaccount', 'ns-scoped');
    await kubectl(adminKubeconfig, 'create', 'rolebinding', 'ns-scoped', '-n', 'default', '--clusterrole=karpor-guest', '--serviceaccount=default:ns-scoped');
    const acc = (await h.call('accounts:list')).accounts.find((a) => a.name === 'ns-scoped');
    expect(acc?.roles).toEqual([{ role: 'karpor-guest', binding: 'ns-scoped', bindingNamespace: 'default' }]);
    expect(await h.call('accounts:delete', { name: 'ns-scoped' })).toEqual({ deletedBindings: ['default/ns-scoped'], keptBindings: [], forgottenTokens: 0 });
    expect(await kubectl(adminKubeconfig, 'get', 'rolebindings', '-n', 'default', '-o', 'name')).not.toContain('ns-scoped');
  });

  it('a binding name taken by another account is a clear conflict and creates nothing', async () => {
    const err = await h.callError('accounts:create', { name: 'karpor-admin', namespace: 'team-a', role: 'karpor-admin' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('default/karpor-admin');
    expect(await hubNames('serviceaccounts')).not.toContain('team-a');
    expect(await kubectl(adminKubeconfig, 'get', 'serviceaccounts', '-n', 'team-a', '-o', 'name')).toBe('');
  });

  it('bad names, durations, roles and unknown accounts give clear errors and create nothing', async () => {
    const sas = await hubNames('serviceaccounts');
    const crbs = await hubNames('clusterrolebindings');
    const cases: Array<[Parameters<Harness['callError']>, string, RegExp]> = [
      [['accounts:create', { name: 'Bad_Name', role: 'karpor-guest' }], 'BAD_REQUEST', /upper-case/],
      [['accounts:create', { name: 'ok-name', namespace: 'a.b', role: 'karpor-guest' }], 'BAD_REQUEST', /namespace/],
      [['accounts:create', { name: 'ok-name', role: 'karpor-superuser' }], 'BAD_REQUEST', /no ClusterRole "karpor-superuser"/],
      [['tokens:create', { account: 'karpor-guest', duration: '5m' }], 'BAD_REQUEST', /10 minutes/],
      [['tokens:create', { account: 'karpor-guest', duration: 'forever' }], 'BAD_REQUEST', /not a duration/],
      [['tokens:create', { account: 'nobody', duration: '1h' }], 'NOT_FOUND', /no account "nobody"/],
      [['accounts:delete', { name: 'nobody' }], 'NOT_FOUND', /no account "nobody"/],
      [['tokens:reveal', { id: 'no-such-id' }], 'NOT_FOUND', /no longer in the vault/],
    ];
    for (const [args, code, message] of cases) {
      const err = await h.callError(...args);
      expect({ code: err.code, message: err.message }).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await hubNames('serviceaccounts')).toEqual(sas);
    expect(await hubNames('clusterrolebindings')).toEqual(crbs);
  });

  it('no half-made accounts: when the binding fails, the new ServiceAccount is removed again', async () => {
    // A hub user that may create ServiceAccounts but not ClusterRoleBindings.
    const role = join(h.dir, 'sa-maker.yaml');
    await writeFile(
      role,
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata: {name: sa-maker}',
        'rules:',
        '- {apiGroups: [""], resources: [serviceaccounts], verbs: [get, list, create, delete]}',
        '- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles, clusterrolebindings, rolebindings], verbs: [get, list]}',
      ].join('\n'),
    );
    // --validate=false: the sandbox hub serves no OpenAPI document for kubectl's client-side validation.
    await kubectl(adminKubeconfig, 'create', '--validate=false', '-f', role);
    await kubectl(adminKubeconfig, 'create', 'serviceaccount', 'sa-maker');
    await kubectl(adminKubeconfig, 'create', 'clusterrolebinding', 'sa-maker', '--clusterrole=sa-maker', '--serviceaccount=default:sa-maker');
    const token = (await kubectl(adminKubeconfig, 'create', 'token', 'sa-maker', '--duration=1h')).trim();
    tokens.push(token);
    const limited = await createHarness(sandbox);
    dirs.push(limited.dir);
    const file = join(limited.dir, 'sa-maker.kubeconfig');
    await writeFile(file, tokenKubeconfigYaml({ server: hubServer(sandbox), account: 'sa-maker', namespace: 'default', token }), { mode: 0o600 });
    const status = await limited.call('hub:import', { path: file });
    expect(status.viaForward).toBe(false); // a directly reachable server needs no forward
    const err = await limited.callError('accounts:create', { name: 'half-made', role: 'karpor-guest' });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toMatch(/ClusterRoleBinding half-made.*not created/);
    expect(err.message).not.toContain(token);
    expect(await hubNames('serviceaccounts')).not.toContain('half-made');
  });

  it('deleting an account removes its binding, forgets its kept tokens, and its tokens get 401 at once', async () => {
    const res = await h.call('accounts:delete', { name: 'karpor-admin' });
    expect(res).toEqual({ deletedBindings: ['karpor-admin'], keptBindings: [], forgottenTokens: 1 });
    expect(await authn(adminToken)).toBe(401);
    expect(await hubNames('clusterrolebindings')).not.toContain('karpor-admin');
    expect((await h.call('accounts:list')).accounts.map((a) => a.name)).not.toContain('karpor-admin');
    expect((await h.call('tokens:list')).tokens.map((t) => t.account)).not.toContain('karpor-admin');
  });
});

describe('through the app\'s persistent forward', () => {
  it('needs the forward running, then works through its local port', async () => {
    const port = await anyFreePort();
    const app = await createHarness(sandbox, 'sandbox', { persistentForwardPort: port });
    dirs.push(app.dir);
    try {
      const stopped = await app.callError('hub:status');
      expect(stopped).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/not running/) });
      await app.services.forward.start();
      const status = await app.call('hub:status');
      expect(status.server).toBe(`https://127.0.0.1:${port}`);
      await app.call('accounts:create', { name: 'via-forward', role: 'karpor-guest' });
      const t = await app.call('tokens:create', { account: 'via-forward', duration: '1h' });
      tokens.push(t.token);
      expect((await hubRequest(status.server, '/rest-api/v1/authn', { bearer: t.token })).status).toBe(200);
      expect((await hubRequest(status.server, '/rest-api/v1/cluster/via-forward', { method: 'POST', bearer: t.token, body: '{}' })).status).toBe(403);
    } finally {
      await app.services.forward.dispose();
    }
  });
});

describe('secrets', () => {
  it('no issued token appears in any file the suite wrote or in any log line', async () => {
    expect(tokens.length).toBeGreaterThanOrEqual(8);
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else files.push(p);
      }
    };
    for (const d of dirs) await walk(d).catch(() => undefined);
    // Exported kubeconfigs hold a token on purpose; everything else must not.
    const exported = new Set([join(h.dir, 'karpor-default-hub-ops.kubeconfig'), join(h.dir, 'guest.kubeconfig')]);
    const others = files.filter((f) => !exported.has(f) && !f.endsWith('sa-maker.kubeconfig'));
    expect(others.some((f) => f.endsWith('token-vault.json'))).toBe(true);
    for (const f of others) {
      const text = await readFile(f, 'utf8');
      for (const t of tokens) expect(text.includes(t.split('.')[2] ?? t), `${f} holds a token`).toBe(false);
    }
    const logText = h.logs.join('\n');
    for (const t of tokens) expect(logText.includes(t.split('.')[2] ?? t)).toBe(false);
  });
});

