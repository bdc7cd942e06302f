// The host cluster judged by real kubectl: reads, deletes, waits, RBAC answers and errors, every port-forward
// transport kubectl has (WebSocket-tunnelled SPDY by default, plain SPDY as fallback), and forbidden users.
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlK } from './common/curl.ts';
import { kubectl } from './common/kubectl.ts';
import { freePort, startPortForward } from './common/kubectl-port-forward.ts';
import type { PortForwardProcess } from './common/kubectl-port-forward.ts';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';

let sandbox: Sandbox;
let kc: string;
let dashboardDir: string;
const forwards: PortForwardProcess[] = [];
const BIG = 3_000_000;

beforeAll(async () => {
  // A dashboard build with one large asset, to push megabytes through the forward (past any 64 KiB window).
  dashboardDir = mkdtempSync(join(tmpdir(), 'sandbox-dash-'));
  mkdirSync(join(dashboardDir, 'public'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Karpor</title>');
  writeFileSync(join(dashboardDir, 'public', 'big.bin'), Buffer.alloc(BIG, 'karpor-'));
  sandbox = await startSandbox({ dashboardDir, podRestartDelayMs: 300 });
  kc = sandbox.kubeconfigPath;
});

afterAll(async () => {
  await Promise.all(forwards.map((f) => f.stop()));
  await sandbox?.stop();
});

async function forward(args: string[], env: NodeJS.ProcessEnv = {}, context = 'sandbox'): Promise<PortForwardProcess> {
  const port = await freePort();
  const f = await startPortForward({ kubeconfig: kc, args: ['--context', context, '-n', 'karpor', 'port-forward', ...args, `${port}:7443`], localPort: port, env });
  forwards.push(f);
  return f;
}

function curlBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-k', '-s', '-m', '20', '-o', '/dev/null', '-w', '%{size_download}', url], (err, out) => (err ? reject(err) : resolve(Number(out))));
  });
}

describe('kubectl reads the host', () => {
  it('gets pods, services, endpointslices and configmaps as server-side tables', async () => {
    const pods = await kubectl(kc, ['get', 'pods', '-n', 'karpor']);
    expect(pods.stderr).toBe('');
    expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nkarpor-server-[a-z0-9]{10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\d+s\n$/);
    const rest = await kubectl(kc, ['get', 'svc,endpointslices,cm', '-n', 'karpor']);
    expect(rest.stdout).toMatch(/service\/karpor-server\s+ClusterIP\s+\S+\s+<none>\s+7443\/TCP/);
    expect(rest.stdout).toMatch(/endpointslice.discovery.k8s.io\/karpor-server-\w+\s+IPv4\s+7443\s+10\.244\.0\.\d+/);
    expect(rest.stdout).toMatch(/configmap\/karpor-kubeconfig\s+1\s/);
  });

  it("shows the chart's Deployment and its ReplicaSet in step with the pods", async () => {
    const r = await kubectl(kc, ['get', 'deploy,rs', '-n', 'karpor']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/deployment.apps\/karpor-server\s+1\/1\s+1\s+1\s/);
    expect(r.stdout).toMatch(/replicaset.apps\/karpor-server-[a-z0-9]{10}\s+1\s+1\s+1\s/);
    const rollout = await kubectl(kc, ['rollout', 'status', 'deploy/karpor-server', '-n', 'karpor', '--timeout=5s']);
    expect(rollout.stdout).toBe('deployment "karpor-server" successfully rolled out\n');
    const owner = await kubectl(kc, ['get', 'pods', '-n', 'karpor', '-o', 'jsonpath={.items[0].metadata.ownerReferences[0].uid}']);
    const rs = await kubectl(kc, ['get', 'rs', '-n', 'karpor', '-o', 'jsonpath={.items[0].metadata.uid}']);
    expect(owner.stdout).toBe(rs.stdout);
  });

  it('serves EndpointSlices whose ready endpoints point at the pods', async () => {
    const r = await kubectl(kc, ['get', 'endpointslices', '-n', 'karpor', '-l', 'kubernetes.io/service-name=karpor-server', '-o', 'json']);
    const list = JSON.parse(r.stdout) as { items: Array<{ endpoints: Array<{ conditions: { ready: boolean }; targetRef: { name: string } }>; ports: Array<{ name: string; port: number }> }> };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.ports).toEqual([{ name: '', port: 7443, protocol: 'TCP' }]);
    expect(list.items[0]?.endpoints.map((e) => [e.targetRef.name, e.conditions.ready])).toEqual(sandbox.pods().map((p) => [p.name, true]));
  });

  it('answers unknown names and unknown resources the way kube-apiserver does', async () => {
    const missing = await kubectl(kc, ['get', 'pod', 'nope', '-n', 'karpor']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    const unknown = await kubectl(kc, ['get', 'statefulsets', '-n', 'karpor']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`the server doesn't have a resource type "statefulsets"`);
  });

  it('authenticates through the exec plugin context', async () => {
    const r = await kubectl(kc, ['--context', 'sandbox-exec', 'get', 'pods', '-n', 'karpor', '-o', 'name']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(sandbox.pods().map((p) => `pod/${p.name}\n`).join(''));
  });
});

describe('kubectl auth can-i and forbidden users', () => {
  it('says yes to the admin and no to the limited user for pods/portforward', async () => {
    const yes = await kubectl(kc, ['auth', 'can-i', 'create', 'pods/portforward', '-n', 'karpor']);
    expect([yes.code, yes.stdout]).toEqual([0, 'yes\n']);
    const no = await kubectl(kc, ['--context', 'sandbox-limited', 'auth', 'can-i', 'create', 'pods/portforward', '-n', 'karpor']);
    expect([no.code, no.stdout]).toEqual([1, 'no\n']);
    const list = await kubectl(kc, ['--context', 'sandbox-limited', 'auth', 'can-i', 'list', 'endpointslices.discovery.k8s.io', '-n', 'karpor']);
    expect(list.stdout).toBe('yes\n');
    const cm = await kubectl(kc, ['--context', 'sandbox-noconfigmap', 'auth', 'can-i', 'get', 'configmaps', '-n', 'karpor']);
    expect(cm.stdout).toBe('no\n');
  });

  it('gives a forbidden user the normal Forbidden errors', async () => {
    const cm = await kubectl(kc, ['--context', 'sandbox-noconfigmap', 'get', 'configmap', 'karpor-kubeconfig', '-n', 'karpor']);
    expect(cm.stderr).toBe(
      'Error from server (Forbidden): configmaps "karpor-kubeconfig" is forbidden: User "sandbox-noconfigmap" cannot get resource "configmaps" in API group "" in the namespace "karpor"\n',
    );
    const ns = await kubectl(kc, ['--context', 'sandbox-limited', 'get', 'namespaces']);
    expect(ns.stderr).toContain('User "sandbox-limited" cannot list resource "namespaces" in API group "" at the cluster scope');
    // A Namespace's own path names its namespace, so the API server says "in the namespace".
    const one = await kubectl(kc, ['--context', 'sandbox-limited', 'get', 'namespace', 'karpor']);
    expect(one.stderr).toBe(
      'Error from server (Forbidden): namespaces "karpor" is forbidden: User "sandbox-limited" cannot get resource "namespaces" in API group "" in the namespace "karpor"\n',
    );
    const admin = await kubectl(kc, ['get', 'namespace', 'karpor', '-o', 'name']);
    expect([admin.stderr, admin.stdout]).toEqual(['', 'namespace/karpor\n']);
  });

  for (const [label, env] of [
    ['WebSocket-tunnelled SPDY', {}],
    ['plain SPDY', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }],
  ] as const) {
    it(`refuses kubectl port-forward to the limited user (${label})`, async () => {
      const port = await freePort();
      const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
        execFile(
          'kubectl',
          ['--context', 'sandbox-limited', '-n', 'karpor', 'port-forward', 'svc/karpor-server', `${port}:7443`],
          { env: { ...process.env, ...env, KUBECONFIG: kc }, timeout: 15_000 },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
        );
      });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /error: error upgrading connection: pods "karpor-server-[\w-]+" is forbidden: User "sandbox-limited" cannot create resource "pods\/portforward" in API group "" in the namespace "karpor"/,
      );
    });
  }
});

describe('kubectl port-forward', () => {
  for (const [label, env] of [
    ['WebSocket-tunnelled SPDY (kubectl 1.32 default)', {}],
    ['plain SPDY', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }],
  ] as const) {
    it(`carries HTTPS to the pod's hub, megabytes intact (${label})`, async () => {
      const f = await forward(['svc/karpor-server'], env, 'sandbox-noconfigmap');
      const base = `https://127.0.0.1:${f.localPort}`;
      expect(await curlK(`${base}/livez`)).toEqual({ status: 200, body: 'ok' });
      expect(await curlBytes(`${base}/public/big.bin`)).toBe(BIG);
      const parallel = await Promise.all([1, 2, 3].map(() => curlK(`${base}/readyz`)));
      expect(parallel.map((r) => r.status)).toEqual([200, 200, 200]);
      await f.stop();
    });
  }

  it('forwards to deploy/karpor-server too', async () => {
    const f = await forward(['deploy/karpor-server']);
    expect(await curlK(`https://127.0.0.1:${f.localPort}/livez`)).toEqual({ status: 200, body: 'ok' });
    await f.stop();
  });

  it('prints the kubelet error and exits when the pod refuses the connection (hub unreachable)', async () => {
    const f = await forward(['svc/karpor-server']);
    sandbox.setHubReachable(false);
    try {
      expect((await curlK(`https://127.0.0.1:${f.localPort}/livez`).catch(() => ({ status: 0 }))).status).toBe(0);
      const code = await Promise.race([f.exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
      expect(code).toBe(1);
      expect(f.output()).toMatch(/an error occurred forwarding \d+ -> 7443: error forwarding port 7443 to pod \w+, uid : .*connect: connection refused/);
      expect(f.output()).toMatch(/error: lost connection to pod/);
    } finally {
      sandbox.setHubReachable(true);
    }
  });

  it('loses the connection when its pod is deleted, like against a real kubelet', async () => {
    const [pod] = sandbox.pods();
    const f = await forward([`pod/${pod?.name ?? ''}`]);
    expect((await curlK(`https://127.0.0.1:${f.localPort}/livez`)).status).toBe(200);
    await sandbox.deletePod(pod?.name ?? '');
    const code = await Promise.race([f.exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(code).toBe(1);
    expect(f.output()).toMatch(/lost connection to pod/);
    await sandbox.waitForReadyPods(1);
  });
});

describe('kubectl get --watch', () => {
  it('streams table rows for a pod deletion and its replacement', async () => {
    const child = spawn('kubectl', ['get', 'pods', '-n', 'karpor', '--watch', '--output-watch-events'], { env: { ...process.env, KUBECONFIG: kc } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const [old] = await sandbox.waitForReadyPods(1);
      await until(() => out.includes(old ?? '?'));
      await sandbox.deletePod(old ?? '');
      const [fresh] = await sandbox.waitForReadyPods(1);
      await until(() => new RegExp(`MODIFIED\\s+${fresh}\\s+1/1\\s+Running`).test(out));
      expect(out).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
      expect(out).toMatch(new RegExp(`ADDED\\s+${old}\\s+1/1\\s+Running`));
      expect(out).toMatch(new RegExp(`DELETED\\s+${old}\\s`));
      expect(out).toMatch(new RegExp(`ADDED\\s+${fresh}\\s+0/1\\s+Pending`));
    } finally {
      child.kill();
      await exited;
    }
  });
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for kubectl output');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('kubectl delete pod', () => {
  it('removes the pod and a replacement with a new name becomes Ready', async () => {
    const [old] = await sandbox.waitForReadyPods(1);
    const del = await kubectl(kc, ['delete', 'pod', old ?? '', '-n', 'karpor']);
    expect(del.stderr).toBe('');
    expect(del.stdout).toBe(`pod "${old}" deleted\n`);
    const wait = await kubectl(kc, ['wait', '--for=condition=Ready', 'pod', '-l', 'app.kubernetes.io/name=karpor', '-n', 'karpor', '--timeout=10s']);
    expect(wait.stderr).toBe('');
    const names = sandbox.pods().map((p) => p.name);
    expect(names).toHaveLength(1);
    expect(names).not.toContain(old);
    expect(wait.stdout).toBe(`pod/${names[0]} condition met\n`);
  });

  it('writes a kubeconfig only its owner can read (it holds the admin key)', () => {
    expect(statSync(kc).mode & 0o777).toBe(0o600);
    expect(readFileSync(kc, 'utf8')).toContain('current-context: sandbox');
  });
});
