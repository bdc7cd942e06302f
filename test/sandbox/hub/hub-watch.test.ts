import { spawn } from 'node:child_process';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { startTestHub } from './hub-fixture.ts';
import { findResource } from './resources.ts';
import { HubStore } from './state.ts';

interface Seen {
  type: string;
  name: string;
  rv: string;
}

function metaOf(obj: unknown): { name: string; resourceVersion: string } {
  const m = (obj as { metadata?: { name?: string; resourceVersion?: string } }).metadata;
  return { name: m?.name ?? '', resourceVersion: m?.resourceVersion ?? '' };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('hub watch', () => {
  it('streams ADDED/MODIFIED/DELETED to client-node Watch and resumes from a resourceVersion', async () => {
    const { hub, pod } = await startTestHub();
    const kc = new KubeConfig();
    kc.loadFromString(hub.kubeconfigYaml(`https://127.0.0.1:${pod.port}`));
    const core = kc.makeApiClient(CoreV1Api);
    const path = '/api/v1/namespaces/default/serviceaccounts';

    const seen: Seen[] = [];
    const watch = new Watch(kc);
    const ctl = await watch.watch(path, {}, (type, obj) => seen.push({ type, name: metaOf(obj).name, rv: metaOf(obj).resourceVersion }), () => undefined);
    await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'a' } } });
    // client-node sends JSON Patch (application/json-patch+json) by default.
    await core.patchNamespacedServiceAccount({ name: 'a', namespace: 'default', body: [{ op: 'add', path: '/metadata/labels', value: { x: 'y' } }] });
    await core.deleteNamespacedServiceAccount({ name: 'a', namespace: 'default' });
    await until(() => seen.length >= 3);
    ctl.abort();
    expect(seen.map((s) => `${s.type} ${s.name}`)).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
    const rvs = seen.map((s) => Number(s.rv));
    expect(rvs[0]).toBeLessThan(rvs[1] ?? 0);
    expect(rvs[1]).toBeLessThan(rvs[2] ?? 0);

    // Resuming after the ADDED replays what came later, nothing before it.
    const resumed: Seen[] = [];
    const ctl2 = await watch.watch(path, { resourceVersion: seen[0]?.rv }, (type, obj) => resumed.push({ type, name: metaOf(obj).name, rv: '' }), () => undefined);
    await until(() => resumed.length >= 2);
    ctl2.abort();
    expect(resumed.map((s) => s.type)).toEqual(['MODIFIED', 'DELETED']);
  });

  it('serves the old /watch/ path form, narrowed to the object it names', async () => {
    const { hub, pod } = await startTestHub();
    const kc = new KubeConfig();
    kc.loadFromString(hub.kubeconfigYaml(`https://127.0.0.1:${pod.port}`));
    const core = kc.makeApiClient(CoreV1Api);
    const seen: string[] = [];
    const ctl = await new Watch(kc).watch('/api/v1/watch/namespaces/default/serviceaccounts/b', {}, (type, obj) => seen.push(`${type} ${metaOf(obj).name}`), () => undefined);
    await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'a' } } });
    await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'b' } } });
    await core.deleteNamespacedServiceAccount({ name: 'b', namespace: 'default' });
    await until(() => seen.length >= 2);
    ctl.abort();
    expect(seen).toEqual(['ADDED b', 'DELETED b']);
  });

  it('kubectl get -w prints existing and new objects as table rows', async () => {
    const { kubeconfig, hub, pod } = await startTestHub();
    const kc = new KubeConfig();
    kc.loadFromString(hub.kubeconfigYaml(`https://127.0.0.1:${pod.port}`));
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'before' } } });
    const child = spawn('kubectl', ['get', 'sa', '-w'], { env: { ...process.env, KUBECONFIG: kubeconfig } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await until(() => out.includes('before'));
      await core.createNamespacedServiceAccount({ namespace: 'default', body: { metadata: { name: 'after' } } });
      await until(() => out.includes('after'));
    } finally {
      child.kill();
    }
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SECRETS\s+AGE$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['before', 'after']);
  });

  it('answers a resourceVersion older than the retained history with 410 Gone semantics', () => {
    const store = new HubStore(() => new Date());
    const sa = findResource('', 'v1', 'serviceaccounts');
    if (!sa) throw new Error('no serviceaccounts');
    const first = store.create(sa, 'default', { metadata: { name: 'sa-0' } });
    if (!first.ok) throw new Error('create failed');
    for (let i = 1; i <= 1001; i++) store.create(sa, 'default', { metadata: { name: `sa-${i}` } });
    expect(store.watch(Number(first.object.metadata.resourceVersion), () => undefined)).toBeUndefined();
    const recent = store.watch(Number(store.resourceVersion) - 1, () => undefined);
    expect(recent?.backlog.map((e) => e.object.metadata.name)).toEqual(['sa-1001']);
    recent?.stop();
  });
});
