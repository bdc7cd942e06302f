import { describe, expect, it } from 'vitest';
import { kubectl } from '../common/kubectl.ts';
import { startTestHub } from './hub-fixture.ts';
import { hubRequest, jwtClaims } from './test-client.ts';

const HOUR = 3600;

async function ok(kubeconfig: string, args: string[]): Promise<string> {
  const r = await kubectl(kubeconfig, args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

describe('hub against real kubectl: Karpor token guide', () => {
  it('runs the guide verbatim and the tokens it prints log in with the right role', async () => {
    const { pod, kubeconfig } = await startTestHub();
    expect(await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin'])).toBe('serviceaccount/karpor-admin created\n');
    expect(await ok(kubeconfig, ['create', 'clusterrolebinding', 'karpor-admin', '--clusterrole=karpor-admin', '--serviceaccount=default:karpor-admin'])).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io/karpor-admin created\n',
    );
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-guest']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'karpor-guest', '--clusterrole=karpor-guest', '--serviceaccount=default:karpor-guest']);
    const before = Math.floor(Date.now() / 1000);
    const admin = (await ok(kubeconfig, ['create', 'token', 'karpor-admin', '--duration=1000h'])).trim();
    const guest = (await ok(kubeconfig, ['create', 'token', 'karpor-guest'])).trim();

    const claims = jwtClaims(admin);
    expect(claims.sub).toBe('system:serviceaccount:default:karpor-admin');
    expect(Number(claims.exp) - before).toBeGreaterThanOrEqual(1000 * HOUR - 5);
    expect(Number(claims.exp) - before).toBeLessThanOrEqual(1000 * HOUR + 5);
    expect(Number(jwtClaims(guest).exp) - Number(jwtClaims(guest).iat)).toBe(HOUR);

    const adminAuthn = await hubRequest(pod.port, '/rest-api/v1/authn', { token: admin });
    expect(adminAuthn.status).toBe(200);
    expect(adminAuthn.json()).toMatchObject({ success: true });
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token: guest })).status).toBe(200);

    const garbage = await hubRequest(pod.port, '/rest-api/v1/authn', { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
    expect(garbage.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401 });

    expect((await hubRequest(pod.port, '/rest-api/v1/cluster/demo', { method: 'POST', token: guest })).status).toBe(403);
    expect((await hubRequest(pod.port, '/rest-api/v1/cluster/demo', { method: 'POST', token: admin })).status).toBe(200);
    const clusters = await hubRequest(pod.port, '/rest-api/v1/clusters', { token: guest });
    expect(clusters.json()).toMatchObject({ data: { items: [{ name: 'demo' }] } });

    const whoami = await hubRequest(pod.port, '/rest-api/v1/whoami', { token: admin });
    expect(whoami.json()).toMatchObject({ data: { username: 'system:serviceaccount:default:karpor-admin' } });
  });

  it('a token of an account bound to no role is authenticated but forbidden (403), anonymous gets the UI paths', async () => {
    const { pod, kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'nobody']);
    const token = (await ok(kubeconfig, ['create', 'token', 'nobody'])).trim();
    const r = await hubRequest(pod.port, '/rest-api/v1/authn', { token });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ reason: 'Forbidden', code: 403, message: 'forbidden: User "system:serviceaccount:default:nobody" cannot get path "/rest-api/v1/authn"' });
    // Karpor's preset `anonymous` ClusterRole grants get on /rest-api/* to system:anonymous only.
    expect((await hubRequest(pod.port, '/rest-api/v1/authn')).status).toBe(200);
    expect((await hubRequest(pod.port, '/rest-api/v1/cluster/x', { method: 'POST' })).status).toBe(403);
    expect((await hubRequest(pod.port, '/api/v1/namespaces/default/serviceaccounts')).status).toBe(403);
  });

  it('shortens a token longer than the maximum and refuses one under 10 minutes', async () => {
    const { kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    const long = jwtClaims((await ok(kubeconfig, ['create', 'token', 'karpor-admin', '--duration=9000h'])).trim());
    expect(Number(long.exp) - Number(long.iat)).toBe(8760 * HOUR);

    const short = await kubectl(kubeconfig, ['create', 'token', 'karpor-admin', '--duration=5m']);
    expect(short.code).not.toBe(0);
    expect(short.stdout).toBe('');
    expect(short.stderr).toContain('may not specify a duration less than 10 minutes');
  });

  it('honours a configured maximum and reports the granted expiry in the TokenRequest status', async () => {
    const { kubeconfig } = await startTestHub({ maxTokenExpirationSeconds: 2 * HOUR });
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    const out = JSON.parse(await ok(kubeconfig, ['create', 'token', 'karpor-admin', '--duration=3h', '-o', 'json'])) as {
      kind: string;
      spec: { expirationSeconds: number };
      status: { token: string; expirationTimestamp: string };
    };
    expect(out.kind).toBe('TokenRequest');
    expect(out.spec.expirationSeconds).toBe(2 * HOUR);
    const exp = Number(jwtClaims(out.status.token).exp);
    expect(Date.parse(out.status.expirationTimestamp) / 1000).toBe(exp);
  });

  it('deleting the ServiceAccount invalidates its tokens, also after re-creating one with the same name', async () => {
    const { pod, kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'karpor-admin', '--clusterrole=karpor-admin', '--serviceaccount=default:karpor-admin']);
    const token = (await ok(kubeconfig, ['create', 'token', 'karpor-admin'])).trim();
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token })).status).toBe(200);
    expect(await ok(kubeconfig, ['delete', 'serviceaccount', 'karpor-admin'])).toBe('serviceaccount "karpor-admin" deleted\n');
    const after = await hubRequest(pod.port, '/rest-api/v1/authn', { token });
    expect(after.status).toBe(401);
    expect(after.json()).toMatchObject({ code: 401 });
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token })).status).toBe(401);
  });

  it('an expired token is a 401, not anonymous', async () => {
    let now = Date.now();
    const { pod, kubeconfig } = await startTestHub({ now: () => new Date(now) });
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-guest']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'karpor-guest', '--clusterrole=karpor-guest', '--serviceaccount=default:karpor-guest']);
    const token = (await ok(kubeconfig, ['create', 'token', 'karpor-guest', '--duration=10m'])).trim();
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token })).status).toBe(200);
    now += 11 * 60 * 1000;
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token })).status).toBe(401);
  });
});

describe('hub against real kubectl: API surface', () => {
  it('lists what it serves and nothing it does not', async () => {
    const { kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'karpor-admin', '--clusterrole=karpor-admin', '--serviceaccount=default:karpor-admin']);
    const listed = await ok(kubeconfig, ['get', 'sa,clusterrolebindings']);
    expect(listed).toMatch(/^serviceaccount\/karpor-admin\s+0\s+\d+s$/m);
    expect(listed).toMatch(/^clusterrolebinding\.rbac\.authorization\.k8s\.io\/karpor-admin\s+ClusterRole\/karpor-admin\s+\d+s$/m);
    expect(await ok(kubeconfig, ['get', 'clusterroles', '-o', 'name'])).toContain('clusterrole.rbac.authorization.k8s.io/karpor-guest\n');
    expect(await ok(kubeconfig, ['get', 'namespaces', '-o', 'name'])).toContain('namespace/karpor\n');
    const all = await ok(kubeconfig, ['get', 'sa', '-A']);
    expect(all).toMatch(/^default\s+karpor-admin\s+0\s+\d+s$/m);

    for (const kind of ['configmaps', 'services']) {
      const r = await kubectl(kubeconfig, ['get', kind]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`the server doesn't have a resource type "${kind}"`);
    }
    const whoami = await kubectl(kubeconfig, ['auth', 'whoami']);
    expect(whoami.code).not.toBe(0);
    // Karpor's hub reports 1.0; kubectl warns about the skew on stderr and carries on.
    const version = await kubectl(kubeconfig, ['version', '-o', 'json']);
    expect(version.code).toBe(0);
    expect(JSON.parse(version.stdout)).toMatchObject({ serverVersion: { major: '1', minor: '0' } });
  });

  it('answers like Kubernetes on conflicts, bad names, missing namespaces and roleRef changes', async () => {
    const { kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    const dup = await kubectl(kubeconfig, ['create', 'serviceaccount', 'karpor-admin']);
    expect(dup.stderr).toBe('error: failed to create serviceaccount: serviceaccounts "karpor-admin" already exists\n');
    const bad = await kubectl(kubeconfig, ['create', 'serviceaccount', 'Bad_Name']);
    expect(bad.stderr).toContain('ServiceAccount "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    const nons = await kubectl(kubeconfig, ['create', 'serviceaccount', 'x', '-n', 'nowhere']);
    expect(nons.stderr).toContain('namespaces "nowhere" not found');
    const missing = await kubectl(kubeconfig, ['get', 'sa', 'ghost']);
    expect(missing.stderr).toBe('Error from server (NotFound): serviceaccounts "ghost" not found\n');

    await ok(kubeconfig, ['create', 'clusterrolebinding', 'b', '--clusterrole=karpor-guest', '--serviceaccount=default:karpor-admin']);
    const patch = await kubectl(kubeconfig, ['patch', 'clusterrolebinding', 'b', '--type=merge', '-p', '{"roleRef":{"name":"karpor-admin"}}']);
    expect(patch.code).not.toBe(0);
    expect(patch.stderr).toContain('cannot change roleRef');
    expect(await ok(kubeconfig, ['label', 'clusterrolebinding', 'b', 'team=x'])).toContain('labeled');
    expect(await ok(kubeconfig, ['get', 'clusterrolebinding', '-l', 'team=x', '-o', 'name'])).toBe('clusterrolebinding.rbac.authorization.k8s.io/b\n');
  });

  it('decodes every typed create kubectl sends as protobuf', async () => {
    const { kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'namespace', 'team']);
    await ok(kubeconfig, ['create', 'serviceaccount', 'bot', '-n', 'team']);
    await ok(kubeconfig, ['create', 'secret', 'generic', 's1', '--from-literal=key=value', '-n', 'team']);
    await ok(kubeconfig, ['create', 'role', 'r1', '--verb=get,list', '--resource=secrets', '--resource-name=s1', '-n', 'team']);
    await ok(kubeconfig, ['create', 'rolebinding', 'rb1', '--role=r1', '--serviceaccount=team:bot', '--group=g1', '--user=u1', '-n', 'team']);
    await ok(kubeconfig, ['create', 'clusterrole', 'cr1', '--verb=get', '--non-resource-url=/rest-api/v1/clusters']);
    await ok(kubeconfig, ['create', 'token', 'bot', '-n', 'team', '--audience=https://kubernetes.default.svc.cluster.local', '--duration=20m']);

    const secret = JSON.parse(await ok(kubeconfig, ['get', 'secret', 's1', '-n', 'team', '-o', 'json'])) as { type: string; data: Record<string, string> };
    expect(secret).toMatchObject({ type: 'Opaque', data: { key: Buffer.from('value').toString('base64') } });
    const role = JSON.parse(await ok(kubeconfig, ['get', 'role', 'r1', '-n', 'team', '-o', 'json'])) as unknown;
    expect(role).toMatchObject({ rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['secrets'], resourceNames: ['s1'] }] });
    const rb = JSON.parse(await ok(kubeconfig, ['get', 'rolebinding', 'rb1', '-n', 'team', '-o', 'json'])) as unknown;
    expect(rb).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r1' },
      subjects: expect.arrayContaining([
        { kind: 'ServiceAccount', name: 'bot', namespace: 'team' },
        { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g1' },
        { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u1' },
      ]),
    });
    const cr = JSON.parse(await ok(kubeconfig, ['get', 'clusterrole', 'cr1', '-o', 'json'])) as unknown;
    expect(cr).toMatchObject({ rules: [{ verbs: ['get'], nonResourceURLs: ['/rest-api/v1/clusters'] }] });
    expect(await ok(kubeconfig, ['delete', 'namespace', 'team'])).toBe('namespace "team" deleted\n');
    expect(await ok(kubeconfig, ['get', 'sa,secrets,roles,rolebindings', '-n', 'team', '-o', 'name'])).toBe('');
  });

  it('serves no authentication.k8s.io or authorization.k8s.io APIs, like the real hub', async () => {
    const { hub, pod, kubeconfig } = await startTestHub();
    const kc = hub.kubeconfigYaml('https://x');
    const cert = Buffer.from(/client-certificate-data: (\S+)/.exec(kc)?.[1] ?? '', 'base64').toString();
    const key = Buffer.from(/client-key-data: (\S+)/.exec(kc)?.[1] ?? '', 'base64').toString();
    for (const path of ['/apis/authentication.k8s.io/v1/tokenreviews', '/apis/authentication.k8s.io/v1/selfsubjectreviews', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews']) {
      const r = await hubRequest(pod.port, path, { method: 'POST', body: '{}', cert, key });
      expect(r.status, path).toBe(404);
      expect(r.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    }
    const canI = await kubectl(kubeconfig, ['auth', 'can-i', 'create', 'serviceaccounts']);
    expect(canI.code).not.toBe(0);
  });

  it('refuses a kubectl whose token lacks permission with a normal forbidden error', async () => {
    const { pod, kubeconfig } = await startTestHub();
    await ok(kubeconfig, ['create', 'serviceaccount', 'reader']);
    await ok(kubeconfig, ['create', 'clusterrole', 'sa-reader', '--verb=get,list', '--resource=serviceaccounts']);
    await ok(kubeconfig, ['create', 'clusterrole', 'discovery', '--verb=get', '--non-resource-url=/api', '--non-resource-url=/api/*', '--non-resource-url=/apis', '--non-resource-url=/apis/*']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'reader', '--clusterrole=sa-reader', '--serviceaccount=default:reader']);
    await ok(kubeconfig, ['create', 'clusterrolebinding', 'reader-discovery', '--clusterrole=discovery', '--serviceaccount=default:reader']);
    const token = (await ok(kubeconfig, ['create', 'token', 'reader'])).trim();
    const args = ['--server', `https://127.0.0.1:${pod.port}`, '--insecure-skip-tls-verify', '--token', token, '--kubeconfig', '/dev/null'];
    expect(await ok('/dev/null', ['get', 'sa', '-o', 'name', ...args])).toBe('serviceaccount/reader\n');
    const denied = await kubectl('/dev/null', ['create', 'serviceaccount', 'x', ...args]);
    expect(denied.stderr).toContain('serviceaccounts is forbidden: User "system:serviceaccount:default:reader" cannot create resource "serviceaccounts" in API group "" in the namespace "default"');
    const cannotToken = await kubectl('/dev/null', ['create', 'token', 'reader', ...args]);
    expect(cannotToken.stderr).toContain('cannot create resource "serviceaccounts/token"');
  });
});
