import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { ApiException, CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { kubectl } from '../common/kubectl.ts';
import { createCa, issueClientCert } from './certs.ts';
import { startTestHub } from './hub-fixture.ts';
import { createHub } from './index.ts';
import { hubRequest } from './test-client.ts';

function peerCertificate(port: number): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const cert = s.getPeerX509Certificate();
      s.destroy();
      if (cert) resolve(cert);
      else reject(new Error('no peer certificate'));
    });
    s.on('error', reject);
  });
}

describe('hub pods', () => {
  it('start in well under 2 s with a fresh localhost certificate each, and share one state', async () => {
    const t0 = performance.now();
    const hub = await createHub();
    const a = await hub.startPod('karpor-server-a');
    const startupMs = performance.now() - t0;
    try {
      expect(startupMs).toBeLessThan(2000);
      const b = await hub.startPod('karpor-server-b');
      expect(a.port).not.toBe(b.port);
      expect(a.certFingerprint256).not.toBe(b.certFingerprint256);
      const cert = await peerCertificate(a.port);
      expect(cert.fingerprint256).toBe(a.certFingerprint256);
      expect(cert.subject).toBe('CN=localhost');
      expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');

      const kc = new KubeConfig();
      kc.loadFromString(hub.kubeconfigYaml(`https://127.0.0.1:${a.port}`));
      await kc.makeApiClient(CoreV1Api).createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'shared' } } });
      const viaB = await hubRequest(b.port, '/api/v1/namespaces/default/serviceaccounts/shared', await adminCredentials(hub.kubeconfigYaml('x')));
      expect(viaB.status).toBe(200);
    } finally {
      await hub.stop();
    }
  });

  it('refuses options that could not work, saying what to fix', async () => {
    await expect(createHub({ maxTokenExpirationSeconds: 60 })).rejects.toThrow(/at least 600/);
    await expect(createHub({ dashboardDir: '/no/such/dir' })).rejects.toThrow(/dashboardDir \/no\/such\/dir does not exist/);
  });

  it('stop() closes the port and cuts keep-alive connections', async () => {
    const hub = await createHub();
    const pod = await hub.startPod('p');
    const socket = connect({ host: '127.0.0.1', port: pod.port, rejectUnauthorized: false });
    // The pod cuts this connection: a reset is the expected outcome, not a test failure.
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await pod.stop();
    await closed;
    await expect(hubRequest(pod.port, '/livez')).rejects.toThrow(/ECONNREFUSED/);
    await hub.stop();
  });
});

async function adminCredentials(kubeconfigYaml: string): Promise<{ cert: string; key: string }> {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  const user = kc.getCurrentUser();
  return {
    cert: Buffer.from(user?.certData ?? '', 'base64').toString('utf8'),
    key: Buffer.from(user?.keyData ?? '', 'base64').toString('utf8'),
  };
}

describe('hub authentication', () => {
  it('accepts its own client certificate as system:masters and refuses one from another CA', async () => {
    const { hub, pod } = await startTestHub();
    const admin = await adminCredentials(hub.kubeconfigYaml('https://x'));
    expect((await hubRequest(pod.port, '/api/v1/namespaces', admin)).status).toBe(200);
    const otherCa = await createCa('someone-else');
    const forged = await issueClientCert(otherCa, 'kubernetes-admin', ['system:masters']);
    const r = await hubRequest(pod.port, '/api/v1/namespaces', { cert: forged.certPem, key: forged.keyPem });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ kind: 'Status', code: 401 });
  });

  it('treats an empty or non-Bearer Authorization header as no credentials, like the API server', async () => {
    const { pod } = await startTestHub();
    for (const authorization of ['Bearer ', 'Bearer', 'Basic dXNlcjpwYXNz']) {
      const who = await hubRequest(pod.port, '/rest-api/v1/whoami', { headers: { Authorization: authorization } });
      expect(who.status, authorization).toBe(200);
      expect(who.json()).toMatchObject({ data: { username: 'system:anonymous', groups: ['system:unauthenticated'] } });
    }
    expect((await hubRequest(pod.port, '/rest-api/v1/whoami', { headers: { Authorization: 'Bearer x.y.z' } })).status).toBe(401);
  });

  it('serves the probes and /server-configs to anyone, and says whether RBAC is on', async () => {
    const { hub, pod } = await startTestHub();
    expect((await hubRequest(pod.port, '/livez')).text).toBe('ok');
    expect((await hubRequest(pod.port, '/readyz')).text).toBe('ok');
    expect((await hubRequest(pod.port, '/server-configs')).json()).toMatchObject({ CoreOptions: { EnableRBAC: true } });
    hub.setRbac(false);
    expect(hub.rbac).toBe(false);
    expect((await hubRequest(pod.port, '/server-configs')).json()).toMatchObject({ CoreOptions: { EnableRBAC: false } });
  });
});

describe('hub with RBAC off (Karpor default)', () => {
  it('allows everything and ignores tokens, even garbage ones', async () => {
    const { hub, pod } = await startTestHub({ rbac: false });
    expect(hub.rbac).toBe(false);
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token: 'garbage' })).status).toBe(200);
    expect((await hubRequest(pod.port, '/rest-api/v1/cluster/c', { method: 'POST', token: 'garbage' })).status).toBe(200);
    expect((await hubRequest(pod.port, '/api/v1/namespaces/default/serviceaccounts')).status).toBe(200);
    const who = await hubRequest(pod.port, '/rest-api/v1/whoami', { token: 'garbage' });
    expect(who.json()).toMatchObject({ data: { username: 'system:anonymous' } });
    hub.setRbac(true);
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token: 'garbage' })).status).toBe(401);
  });
});

describe('hub with @kubernetes/client-node', () => {
  it('creates accounts, bindings and tokens through the typed APIs, with ApiException codes on conflict', async () => {
    const { hub, pod } = await startTestHub();
    const kc = new KubeConfig();
    kc.loadFromString(hub.kubeconfigYaml(`https://127.0.0.1:${pod.port}`));
    const core = kc.makeApiClient(CoreV1Api);
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);

    const created = await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'karpor-admin' } } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    await rbac.createClusterRoleBinding({
      body: {
        metadata: { name: 'karpor-admin' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'karpor-admin' },
        subjects: [{ kind: 'ServiceAccount', name: 'karpor-admin', namespace: 'default' }],
      },
    });
    const tr = await core.createNamespacedServiceAccountToken({ name: 'karpor-admin', namespace: 'default', body: { spec: { audiences: [], expirationSeconds: 7200 } } });
    expect(tr.status?.token).toBeTruthy();
    expect(Math.round(((tr.status?.expirationTimestamp?.getTime() ?? 0) - Date.now()) / 60_000)).toBe(120);
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token: tr.status?.token })).status).toBe(200);

    const dup = await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'karpor-admin' } } }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ApiException);
    expect((dup as ApiException<unknown>).code).toBe(409);

    const roles = await rbac.listClusterRole();
    expect(roles.items.map((r) => r.metadata?.name)).toEqual(expect.arrayContaining(['karpor-admin', 'karpor-guest', 'anonymous', 'cluster-admin']));
    const sas = await core.listServiceAccountForAllNamespaces();
    expect(sas.items.map((s) => s.metadata?.name)).toEqual(['karpor-admin']);
    await core.deleteNamespacedServiceAccount({ name: 'karpor-admin', namespace: 'default' });
    expect((await hubRequest(pod.port, '/rest-api/v1/authn', { token: tr.status?.token })).status).toBe(401);
  });
});

describe('hub dashboard serving', () => {
  it('serves index.html for app routes and assets under /public/, also from a --dashboard-dir', async () => {
    const standIn = await startTestHub({ rbac: false });
    const index = await hubRequest(standIn.pod.port, '/insight');
    expect(index.status).toBe(200);
    expect(index.text).toContain('/public/app.js');
    expect((await hubRequest(standIn.pod.port, '/public/app.js')).text).toContain('/rest-api/v1/authn');
    expect((await hubRequest(standIn.pod.port, '/public/missing.js')).status).toBe(404);

    const fixture = await startTestHub({ rbac: false });
    const dir = join(fixture.dir, 'ui');
    mkdirSync(join(dir, 'static'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<html>real build</html>');
    writeFileSync(join(dir, 'static', 'main.js'), 'console.log(1)');
    const custom = await startTestHub({ rbac: false, dashboardDir: dir });
    expect((await hubRequest(custom.pod.port, '/cluster/access')).text).toBe('<html>real build</html>');
    expect((await hubRequest(custom.pod.port, '/public/static/main.js')).text).toBe('console.log(1)');
    // An encoded `../` survives URL normalisation; it must not reach files outside the directory.
    writeFileSync(join(fixture.dir, 'secret.txt'), 'outside');
    expect((await hubRequest(custom.pod.port, '/public/..%2fsecret.txt')).status).toBe(404);
    expect((await hubRequest(custom.pod.port, '/public/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await hubRequest(custom.pod.port, '/public/%E0%A4%A')).status).toBe(404);
  });

  it('with RBAC on, the UI routes are open to anonymous but other paths are forbidden', async () => {
    const { pod } = await startTestHub();
    expect((await hubRequest(pod.port, '/login')).status).toBe(200);
    expect((await hubRequest(pod.port, '/public/app.js')).status).toBe(200);
    expect((await hubRequest(pod.port, '/not-a-route')).status).toBe(403);
  });
});

describe('hub kubeconfig', () => {
  it('is what Karpor writes into karpor-kubeconfig and works with kubectl once server points at a pod', async () => {
    const { hub, kubeconfig } = await startTestHub();
    const yaml = hub.kubeconfigYaml('https://karpor-server.karpor.svc:7443');
    expect(yaml).toContain('server: https://karpor-server.karpor.svc:7443');
    expect(yaml).toContain('insecure-skip-tls-verify: true');
    expect(yaml).toContain('current-context: default');
    const r = await kubectl(kubeconfig, ['get', 'namespaces', '-o', 'name']);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['namespace/default', 'namespace/karpor', 'namespace/kube-public', 'namespace/kube-system']);
  });
});
