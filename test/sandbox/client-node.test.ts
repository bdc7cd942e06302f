// The host judged by @kubernetes/client-node (what Karpor Desktop uses): WebSocket v4 port-forward, Watch with
// resourceVersion, RBAC errors, and the test hooks for faults kubectl cannot cause.
import * as k8s from '@kubernetes/client-node';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { PassThrough } from 'node:stream';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlK } from './common/curl.ts';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';

const NS = 'karpor';
let sandbox: Sandbox;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  const t0 = performance.now();
  sandbox = await startSandbox({ podRestartDelayMs: 200 });
  console.log(`startSandbox() ready in ${(performance.now() - t0).toFixed(0)} ms`);
  kc = new k8s.KubeConfig();
  kc.loadFromFile(sandbox.kubeconfigPath);
  core = kc.makeApiClient(k8s.CoreV1Api);
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await sandbox?.stop();
});

/** A local listener that port-forwards each connection with client-node (one WebSocket per connection). */
async function listenForwarding(config: k8s.KubeConfig, pod: string): Promise<{ port: number; server: Server; sockets: WebSocket[] }> {
  const pf = new k8s.PortForward(config);
  const sockets: WebSocket[] = [];
  const server = createServer((sock) => {
    pf.portForward(NS, pod, [7443], sock, null, sock).then(
      (ws) => {
        const w = ws as WebSocket;
        sockets.push(w);
        w.on('close', () => sock.destroy());
      },
      () => sock.destroy(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  const addr = server.address();
  return { port: typeof addr === 'object' && addr ? addr.port : 0, server, sockets };
}

function until<T>(what: string, check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const v = check();
      if (v !== undefined) return resolve(v);
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

function firstPod(): string {
  const name = sandbox.pods().find((p) => p.ready)?.name;
  if (!name) throw new Error('no ready pod');
  return name;
}

describe('client-node PortForward (WebSocket v4.channel.k8s.io)', () => {
  it('reaches the hub of the pod', async () => {
    const { port } = await listenForwarding(kc, firstPod());
    expect(await curlK(`https://127.0.0.1:${port}/livez`)).toEqual({ status: 200, body: 'ok' });
    expect((await curlK(`https://127.0.0.1:${port}/rest-api/v1/authn`, { Authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('opens each channel with the port number, little-endian, like the kubelet', async () => {
    const opts: WebSocket.ClientOptions = {};
    await kc.applyToHTTPSOptions(opts);
    const url = `${sandbox.server.replace('https', 'wss')}/api/v1/namespaces/${NS}/pods/${firstPod()}/portforward?ports=7443`;
    const ws = new WebSocket(url, ['v4.channel.k8s.io'], opts);
    const frames: Buffer[] = [];
    ws.on('message', (d: Buffer) => frames.push(d));
    await until('two opening frames', () => (frames.length >= 2 ? true : undefined));
    expect(ws.protocol).toBe('v4.channel.k8s.io');
    expect(frames.slice(0, 2)).toEqual([Buffer.from([0, 0x13, 0x1d]), Buffer.from([1, 0x13, 0x1d])]);
    ws.close();

    // Without a port the kubelet refuses before upgrading.
    const noPort = new WebSocket(url.replace('?ports=7443', ''), ['v4.channel.k8s.io'], opts);
    const refused = await new Promise<number>((resolve) => noPort.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(400);
  });

  it('reports a pod-side refusal on the error channel when the hub is unreachable', async () => {
    sandbox.setHubReachable(false);
    try {
      const err = new PassThrough();
      let text = '';
      err.on('data', (d: Buffer) => (text += d.toString()));
      const ws = (await new k8s.PortForward(kc).portForward(NS, firstPod(), [7443], new PassThrough(), err, new PassThrough())) as WebSocket;
      const closed = new Promise((r) => ws.on('close', r));
      await until('error text', () => (text ? text : undefined));
      expect(text).toMatch(/^error forwarding port 7443 to pod \w+, uid : .*connect: connection refused/);
      await closed;
    } finally {
      sandbox.setHubReachable(true);
    }
  });

  it('is refused with a 403 Status to a user without pods/portforward', async () => {
    const limited = new k8s.KubeConfig();
    limited.loadFromFile(sandbox.kubeconfigPath);
    limited.setCurrentContext('sandbox-limited');
    await expect(new k8s.PortForward(limited).portForward(NS, firstPod(), [7443], new PassThrough(), null, new PassThrough())).rejects.toThrow(/403/);
  });

  it('dropPortForwardStreams() cuts live forwards; new ones work', async () => {
    const { port, sockets } = await listenForwarding(kc, firstPod());
    expect((await curlK(`https://127.0.0.1:${port}/livez`)).status).toBe(200);
    const open = sockets.filter((s) => s.readyState === WebSocket.OPEN);
    const closed = Promise.all(open.map((s) => new Promise((r) => (s.readyState === WebSocket.CLOSED ? r(0) : s.on('close', r)))));
    sandbox.dropPortForwardStreams();
    await closed;
    expect(open.every((s) => s.readyState === WebSocket.CLOSED)).toBe(true);
    expect((await curlK(`https://127.0.0.1:${port}/livez`)).status).toBe(200);
  });
});

describe('client-node Watch and reads', () => {
  it('follows a pod deletion through EndpointSlice events: gone, replacement not ready, then ready', async () => {
    const events: Array<[string, Array<[string, boolean]>]> = [];
    const ctl = await new k8s.Watch(kc).watch(
      `/apis/discovery.k8s.io/v1/namespaces/${NS}/endpointslices`,
      { labelSelector: 'kubernetes.io/service-name=karpor-server' },
      (type, obj: k8s.V1EndpointSlice) => events.push([type, (obj.endpoints ?? []).map((e) => [e.targetRef?.name ?? '', e.conditions?.ready === true])]),
      () => undefined,
    );
    cleanups.push(() => ctl.abort());
    const old = firstPod();
    await until('initial ADDED', () => (events.length ? true : undefined));
    expect(events[0]).toEqual(['ADDED', [[old, true]]]);
    await core.deleteNamespacedPod({ name: old, namespace: NS });
    const [fresh] = await sandbox.waitForReadyPods(1);
    await until('ready replacement event', () => (events.some(([, eps]) => eps[0]?.[0] === fresh && eps[0]?.[1]) ? true : undefined));
    const states = events.slice(1).map(([type, eps]) => [type, eps.map(([n, r]) => `${n === old ? 'old' : n === fresh ? 'new' : n}:${r}`)]);
    expect(states).toEqual([
      ['MODIFIED', []],
      ['MODIFIED', ['new:false']],
      ['MODIFIED', ['new:true']],
    ]);
    ctl.abort();
  });

  it('resumes a watch from a list resourceVersion without replaying existing objects', async () => {
    const list = await core.listNamespacedPod({ namespace: NS });
    const rv = list.metadata?.resourceVersion ?? '';
    const old = firstPod();
    await sandbox.deletePod(old);
    const seen: string[] = [];
    const ctl = await new k8s.Watch(kc).watch(`/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv }, (type, obj: k8s.V1Pod) => seen.push(`${type} ${obj.metadata?.name === old ? 'old' : 'new'} ${obj.status?.phase}`), () => undefined);
    cleanups.push(() => ctl.abort());
    await sandbox.waitForReadyPods(1);
    await until('three events', () => (seen.length >= 3 ? true : undefined));
    expect(seen).toEqual(['DELETED old Running', 'ADDED new Pending', 'MODIFIED new Running']);
    ctl.abort();
  });

  it('feeds a client-node informer (list, then watch from its resourceVersion)', async () => {
    const discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
    const selector = 'kubernetes.io/service-name=karpor-server';
    const informer = k8s.makeInformer(
      kc,
      `/apis/discovery.k8s.io/v1/namespaces/${NS}/endpointslices`,
      () => discovery.listNamespacedEndpointSlice({ namespace: NS, labelSelector: selector }),
      selector,
    );
    const ready = (): string[] => informer.list().flatMap((sl) => (sl.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => e.targetRef?.name ?? ''));
    await informer.start();
    cleanups.push(() => informer.stop());
    const old = firstPod();
    expect(ready()).toEqual([old]);
    await sandbox.deletePod(old);
    const [fresh] = await sandbox.waitForReadyPods(1);
    await until('informer sees the replacement ready', () => (ready()[0] === fresh ? true : undefined));
    await informer.stop();
  });

  it('forbids the configmap to the noconfigmap user with a 403 ApiException', async () => {
    const other = new k8s.KubeConfig();
    other.loadFromFile(sandbox.kubeconfigPath);
    other.setCurrentContext('sandbox-noconfigmap');
    const api = other.makeApiClient(k8s.CoreV1Api);
    await expect(api.readNamespacedConfigMap({ name: 'karpor-kubeconfig', namespace: NS })).rejects.toMatchObject({ code: 403 });
    expect((await api.listNamespacedPod({ namespace: NS })).items.length).toBe(1);
    const cm = await core.readNamespacedConfigMap({ name: 'karpor-kubeconfig', namespace: NS });
    expect(cm.data?.['config']).toBe(sandbox.hub.kubeconfigYaml('https://karpor-server.karpor.svc:7443'));
  });
});

describe('test hooks', () => {
  it('restartApiServer() ends watches and serves again on the same address', async () => {
    let done: unknown = 'not yet';
    const ctl = await new k8s.Watch(kc).watch(`/api/v1/namespaces/${NS}/pods`, {}, () => undefined, (err) => (done = err));
    cleanups.push(() => ctl.abort());
    await sandbox.restartApiServer();
    await until('watch end', () => (done !== 'not yet' ? true : undefined));
    const pods = await core.listNamespacedPod({ namespace: NS });
    expect(pods.items.length).toBe(1);
  });

  it('deleteService()/createService() remove and restore the Service and its EndpointSlice', async () => {
    const discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
    await sandbox.deleteService();
    await expect(core.readNamespacedService({ name: 'karpor-server', namespace: NS })).rejects.toMatchObject({ code: 404 });
    expect((await discovery.listNamespacedEndpointSlice({ namespace: NS })).items).toEqual([]);
    await sandbox.createService();
    const svc = await core.readNamespacedService({ name: 'karpor-server', namespace: NS });
    expect(svc.spec?.ports).toEqual([{ port: 7443, protocol: 'TCP', targetPort: 7443 }]);
    expect((await discovery.listNamespacedEndpointSlice({ namespace: NS })).items[0]?.endpoints?.length).toBe(1);
  });

  it('setReplicas() scales the pods and the endpoints follow', async () => {
    const discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
    await sandbox.setReplicas(2);
    const ready = await sandbox.waitForReadyPods(2);
    const slice = (await discovery.listNamespacedEndpointSlice({ namespace: NS })).items[0];
    expect((slice?.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => e.targetRef?.name).sort()).toEqual([...ready].sort());
    await sandbox.setReplicas(0);
    expect(sandbox.pods()).toEqual([]);
    expect((await core.listNamespacedPod({ namespace: NS })).items).toEqual([]);
    await sandbox.setReplicas(1);
    await sandbox.waitForReadyPods(1);
  });
});

describe('stream idle timeout', () => {
  it('cuts a port-forward idle longer than streamIdleTimeoutMs, like a load balancer', async () => {
    const idle = await startSandbox({ streamIdleTimeoutMs: 500 });
    cleanups.push(() => idle.stop());
    const config = new k8s.KubeConfig();
    config.loadFromFile(idle.kubeconfigPath);
    const pod = (await idle.waitForReadyPods(1))[0] ?? '';
    const started = Date.now();
    const ws = (await new k8s.PortForward(config).portForward(NS, pod, [7443], new PassThrough(), null, new PassThrough())) as WebSocket;
    await new Promise((r) => ws.on('close', r));
    const lasted = Date.now() - started;
    expect(lasted).toBeGreaterThanOrEqual(450);
    expect(lasted).toBeLessThan(3000);

    // WebSocket pings are traffic too: a client that pings is not cut while it keeps pinging.
    const kept = (await new k8s.PortForward(config).portForward(NS, pod, [7443], new PassThrough(), null, new PassThrough())) as WebSocket;
    let closedAt = 0;
    kept.on('close', () => (closedAt = Date.now()));
    let lastPing = 0;
    const pinger = setInterval(() => {
      kept.ping();
      lastPing = Date.now();
    }, 100);
    await new Promise((r) => setTimeout(r, 1200));
    clearInterval(pinger);
    expect(closedAt).toBe(0);
    await until('idle cut after pings stop', () => (closedAt ? true : undefined));
    // The server received the last ping after it was sent, so the cut comes a full idle period after it.
    expect(closedAt - lastPing).toBeGreaterThanOrEqual(480);
  });
});
