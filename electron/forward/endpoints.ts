// Service -> ready pod endpoints, as pure functions over the objects the watches deliver.
import type { V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';

export interface Endpoint {
  pod: string;
  /** Container port on that pod (the Service's targetPort, resolved). */
  port: number;
}

export interface ResolvedServicePort {
  /** '' for an unnamed port: EndpointSlices name their ports after the Service's port names. */
  name: string;
  targetPort: number | string;
}

export type ServicePortResult = { ok: true; value: ResolvedServicePort } | { ok: false; message: string };

export function resolveServicePort(service: V1Service, servicePort: number): ServicePortResult {
  const ports = service.spec?.ports ?? [];
  const match = ports.find((p) => p.port === servicePort && (p.protocol ?? 'TCP') === 'TCP');
  if (!match) {
    const have = ports.map((p) => String(p.port)).join(', ') || 'none';
    return { ok: false, message: `Service ${service.metadata?.name ?? '?'} has no TCP port ${servicePort} (it has: ${have})` };
  }
  // No targetPort means "same as port", which is how Karpor's chart declares 7443.
  const raw = match.targetPort ?? match.port;
  const targetPort = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return { ok: true, value: { name: match.name ?? '', targetPort } };
}

/** Ready endpoints from the Service's EndpointSlices; their ports are already resolved by the control plane. */
export function endpointsFromSlices(slices: readonly V1EndpointSlice[], port: ResolvedServicePort): Endpoint[] {
  const out = new Map<string, Endpoint>();
  for (const slice of slices) {
    if (slice.metadata?.deletionTimestamp) continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === port.name && (p.protocol ?? 'TCP') === 'TCP');
    const resolved = slicePort?.port ?? (typeof port.targetPort === 'number' ? port.targetPort : undefined);
    if (resolved === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      // The API defines a missing `ready` as ready; `terminating` pods are leaving.
      if (ep.conditions?.ready === false || ep.conditions?.terminating === true) continue;
      const ref = ep.targetRef;
      if (!ref?.name || (ref.kind !== undefined && ref.kind !== 'Pod')) continue;
      out.set(ref.name, { pod: ref.name, port: resolved });
    }
  }
  return [...out.values()];
}

export function isPodReady(pod: V1Pod): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (pod.status?.phase !== 'Running') return false;
  return (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** A named targetPort means "the container port with this name", which can differ per pod. */
export function containerPortOf(pod: V1Pod, targetPort: number | string): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === targetPort && (p.protocol ?? 'TCP') === 'TCP') return p.containerPort;
  }
  return undefined;
}

/** Fallback when EndpointSlices cannot be read: pods matched by the Service's selector with Ready=True. */
export function endpointsFromPods(pods: readonly V1Pod[], port: ResolvedServicePort): Endpoint[] {
  const out: Endpoint[] = [];
  for (const pod of pods) {
    const name = pod.metadata?.name;
    if (!name || !isPodReady(pod)) continue;
    const resolved = containerPortOf(pod, port.targetPort);
    if (resolved !== undefined) out.push({ pod: name, port: resolved });
  }
  return out;
}

export function selectorString(service: V1Service): string | undefined {
  const sel = service.spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
}

/**
 * Which pod new connections go to. We prefer one pod rather than spreading: the dashboard keeps
 * per-server state (e.g. AI analysis streams) and a stable pod makes the status line meaningful.
 * Keep the current pod while it stays ready; otherwise take the one that has been ready longest
 * as we observed it (`readySince`, ms), since it has proven itself and a fresh pod may still warm up.
 */
export function pickEndpoint(
  candidates: readonly Endpoint[],
  current: string | null,
  readySince: ReadonlyMap<string, number>,
): Endpoint | null {
  if (candidates.length === 0) return null;
  const sticky = current === null ? undefined : candidates.find((c) => c.pod === current);
  if (sticky) return sticky;
  const since = (e: Endpoint) => readySince.get(e.pod) ?? Number.POSITIVE_INFINITY;
  return [...candidates].sort((a, b) => since(a) - since(b) || a.pod.localeCompare(b.pod))[0] ?? null;
}

/** Updates when each pod was first seen ready; pods that left are forgotten so a comeback counts as new. */
export function trackReadySince(prev: ReadonlyMap<string, number>, candidates: readonly Endpoint[], now: number): Map<string, number> {
  const next = new Map<string, number>();
  for (const c of candidates) next.set(c.pod, prev.get(c.pod) ?? now);
  return next;
}
