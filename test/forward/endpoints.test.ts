import { describe, expect, it } from 'vitest';
import type { V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import {
  containerPortOf,
  endpointsFromPods,
  endpointsFromSlices,
  pickEndpoint,
  resolveServicePort,
  selectorString,
  trackReadySince,
} from '../../electron/forward/endpoints.ts';

const karporService: V1Service = {
  metadata: { name: 'karpor-server' },
  spec: { ports: [{ port: 7443, protocol: 'TCP' }], selector: { 'app.kubernetes.io/name': 'karpor', 'app.kubernetes.io/component': 'karpor-server' } },
};

function pod(name: string, ready: boolean, ports: Array<{ name?: string; containerPort: number }> = [{ containerPort: 7443 }]): V1Pod {
  return {
    metadata: { name },
    spec: { containers: [{ name: 'c', ports }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

describe('Service port -> container port', () => {
  it('treats a missing targetPort as the port itself (Karpor chart)', () => {
    expect(resolveServicePort(karporService, 7443)).toEqual({ ok: true, value: { name: '', targetPort: 7443 } });
  });
  it('keeps numeric and named targetPorts, and says which ports exist when none matches', () => {
    const svc: V1Service = { metadata: { name: 's' }, spec: { ports: [{ name: 'https', port: 443, targetPort: 'web' }, { name: 'm', port: 80, targetPort: 8080 }] } };
    expect(resolveServicePort(svc, 443)).toEqual({ ok: true, value: { name: 'https', targetPort: 'web' } });
    expect(resolveServicePort(svc, 80)).toEqual({ ok: true, value: { name: 'm', targetPort: 8080 } });
    const miss = resolveServicePort(svc, 7443);
    expect(miss.ok).toBe(false);
    expect(!miss.ok && miss.message).toContain('has no TCP port 7443 (it has: 443, 80)');
  });
  it('resolves a named targetPort per pod by container port name', () => {
    const p = pod('a', true, [{ name: 'metrics', containerPort: 9090 }, { name: 'web', containerPort: 8443 }]);
    expect(containerPortOf(p, 'web')).toBe(8443);
    expect(containerPortOf(p, 'nope')).toBeUndefined();
    expect(containerPortOf(p, 7443)).toBe(7443);
  });
});

describe('ready endpoints', () => {
  it('reads ready pods and resolved ports from EndpointSlices, skipping not-ready and terminating ones', () => {
    const slice: V1EndpointSlice = {
      addressType: 'IPv4',
      ports: [{ name: 'https', port: 8443, protocol: 'TCP' }, { name: 'other', port: 1 }],
      endpoints: [
        { addresses: ['10.0.0.1'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'a' } },
        { addresses: ['10.0.0.2'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'b' } },
        { addresses: ['10.0.0.3'], conditions: { ready: true, terminating: true }, targetRef: { kind: 'Pod', name: 'c' } },
        { addresses: ['10.0.0.4'], targetRef: { kind: 'Pod', name: 'd' } },
      ],
    };
    expect(endpointsFromSlices([slice], { name: 'https', targetPort: 'web' })).toEqual([
      { pod: 'a', port: 8443 },
      { pod: 'd', port: 8443 },
    ]);
  });
  it('falls back to pods with Ready=True and a resolvable port', () => {
    const pods = [pod('a', true), pod('b', false), pod('c', true, [{ name: 'x', containerPort: 1 }])];
    expect(endpointsFromPods(pods, { name: '', targetPort: 7443 }).map((e) => e.pod)).toEqual(['a', 'c']);
    expect(endpointsFromPods(pods, { name: '', targetPort: 'x' })).toEqual([{ pod: 'c', port: 1 }]);
    expect(selectorString(karporService)).toBe('app.kubernetes.io/component=karpor-server,app.kubernetes.io/name=karpor');
  });
});

describe('pickEndpoint', () => {
  const a = { pod: 'a', port: 1 };
  const b = { pod: 'b', port: 1 };
  it('sticks to the current pod while it is ready, else takes the one ready longest', () => {
    let since = trackReadySince(new Map(), [b], 100);
    since = trackReadySince(since, [a, b], 200);
    expect(pickEndpoint([a, b], null, since)).toEqual(b);
    expect(pickEndpoint([a, b], 'a', since)).toEqual(a);
    expect(pickEndpoint([a], 'b', since)).toEqual(a);
    expect(pickEndpoint([], 'a', since)).toBeNull();
    // A pod that left and came back counts as new.
    since = trackReadySince(since, [a], 300);
    since = trackReadySince(since, [a, b], 400);
    expect(pickEndpoint([a, b], null, since)).toEqual(a);
  });
});
