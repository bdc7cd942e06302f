// Follows a Service's ready endpoints with list+watch (client-node's ListWatch): the Service
// itself (exists? which port, which selector?), its EndpointSlices, and pods by selector as the
// fallback when EndpointSlices cannot be read. Emits one debounced view of "where to connect".
import { CoreV1Api, DiscoveryV1Api, ListWatch, Watch } from '@kubernetes/client-node';
import type { KubeConfig, KubernetesObject, V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import { backoffDelay } from './backoff.ts';
import { endpointsFromPods, endpointsFromSlices, resolveServicePort, selectorString } from './endpoints.ts';
import type { Endpoint } from './endpoints.ts';
import { apiErrorStatus, sanitizeApiError } from './api-errors.ts';

export type TrackerView =
  | { kind: 'endpoints'; endpoints: Endpoint[]; source: 'endpointslices' | 'pods' }
  | { kind: 'serviceMissing' }
  | { kind: 'servicePortMissing'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unauthorized' }
  | { kind: 'unavailable'; message: string };

export interface TrackerOptions {
  kc: KubeConfig;
  namespace: string;
  service: string;
  servicePort: number;
  onView: (view: TrackerView) => void;
  /** Bursts (a rollout touches slices many times) collapse into one view. */
  debounceMs?: number;
  random?: () => number;
  onLog?: (message: string) => void;
}

export interface EndpointTracker {
  start(): void;
  stop(): void;
}

type Informer<T extends KubernetesObject> = ListWatch<T>;

export function createEndpointTracker(opts: TrackerOptions): EndpointTracker {
  const { kc, namespace, service } = opts;
  const core = kc.makeApiClient(CoreV1Api);
  const discovery = kc.makeApiClient(DiscoveryV1Api);
  const watch = new Watch(kc);
  const debounceMs = opts.debounceMs ?? 100;
  const ns = encodeURIComponent(namespace);

  let stopped = true;
  let debounce: NodeJS.Timeout | undefined;
  const retryTimers = new Set<NodeJS.Timeout>();
  const synced = new Set<string>();
  let failure: TrackerView | null = null;
  let useSlices = true;
  let podSelector: string | undefined;
  let pods: Informer<V1Pod> | null = null;

  const serviceInformer = new ListWatch<V1Service>(
    `/api/v1/namespaces/${ns}/services`,
    watch,
    () => core.listNamespacedService({ namespace, fieldSelector: `metadata.name=${service}` }),
    false,
    undefined,
    `metadata.name=${service}`,
  );
  const sliceSelector = `kubernetes.io/service-name=${service}`;
  const slices = new ListWatch<V1EndpointSlice>(
    `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`,
    watch,
    () => discovery.listNamespacedEndpointSlice({ namespace, labelSelector: sliceSelector }),
    false,
    sliceSelector,
  );

  function currentService(): V1Service | undefined {
    return serviceInformer.list(namespace).find((s) => s.metadata?.name === service);
  }

  function compute(): TrackerView | null {
    if (failure) return failure;
    if (!synced.has('service')) return null;
    const svc = currentService();
    if (!svc) return { kind: 'serviceMissing' };
    const port = resolveServicePort(svc, opts.servicePort);
    if (!port.ok) return { kind: 'servicePortMissing', message: port.message };
    if (useSlices) {
      if (!synced.has('slices')) return null;
      return { kind: 'endpoints', endpoints: endpointsFromSlices(slices.list(namespace), port.value), source: 'endpointslices' };
    }
    syncPodInformer(svc);
    if (!pods || !synced.has('pods')) return podSelector ? null : { kind: 'endpoints', endpoints: [], source: 'pods' };
    return { kind: 'endpoints', endpoints: endpointsFromPods(pods.list(namespace), port.value), source: 'pods' };
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const view = compute();
      if (view && !stopped) opts.onView(view);
    }, debounceMs);
  }

  function syncPodInformer(svc: V1Service): void {
    const sel = selectorString(svc);
    if (sel === podSelector && (pods || !sel)) return;
    void pods?.stop();
    pods = null;
    synced.delete('pods');
    podSelector = sel;
    if (!sel) return;
    const informer = new ListWatch<V1Pod>(
      `/api/v1/namespaces/${ns}/pods`,
      watch,
      () => core.listNamespacedPod({ namespace, labelSelector: sel }),
      false,
      sel,
    );
    pods = informer;
    wire(informer, 'pods', 'list/watch on pods');
    run(informer, 'pods');
  }

  // ListWatch.start() resolves even when its list failed (it reports through 'error'), so a
  // start only counts as synced when no error arrived meanwhile: an empty cache after a failed
  // list must never read as "Service missing".
  const errorCounts = new Map<string, number>();
  const attempts = new Map<string, number>();

  function run<T extends KubernetesObject>(informer: Informer<T>, name: string): void {
    if (stopped) return;
    const before = errorCounts.get(name) ?? 0;
    informer.start().then(
      () => {
        if ((errorCounts.get(name) ?? 0) !== before || stopped) return;
        attempts.set(name, 0);
        synced.add(name);
        schedule();
      },
      (err: unknown) => informerFailed(informer, name, '', err),
    );
  }

  function informerFailed<T extends KubernetesObject>(informer: Informer<T>, name: string, permission: string, err: unknown): void {
    if (stopped) return;
    errorCounts.set(name, (errorCounts.get(name) ?? 0) + 1);
    const status = apiErrorStatus(err);
    if (status === 401) {
      failure = { kind: 'unauthorized' };
      schedule();
      return; // the owner rebuilds the client and a new tracker
    }
    if (name === 'slices' && (status === 403 || status === 404)) {
      // No EndpointSlice access (or API): follow pods by the Service's selector instead.
      opts.onLog?.(`EndpointSlices not readable (HTTP ${status}); following pods by the Service's selector`);
      useSlices = false;
      schedule();
      return;
    }
    if (status === 403) {
      failure = {
        kind: 'forbidden',
        message: `The host credentials may not ${permission || 'read'} in namespace ${namespace}: ${sanitizeApiError(err)}`,
      };
    } else if (!synced.has(name)) {
      failure = { kind: 'unavailable', message: `cannot read ${name} from the API server: ${sanitizeApiError(err)}` };
    } else {
      // Watch broke after a good sync: keep the last known endpoints (probes tell whether they still work).
      opts.onLog?.(`watch on ${name} interrupted (${sanitizeApiError(err)}); re-listing`);
    }
    schedule();
    // Re-list and re-watch with backoff; the informer keeps its cache meanwhile.
    const n = (attempts.get(name) ?? 0) + 1;
    attempts.set(name, n);
    const t = setTimeout(() => {
      retryTimers.delete(t);
      if (stopped) return;
      if (failure?.kind !== 'unauthorized') failure = null;
      run(informer, name);
    }, backoffDelay(n, { baseMs: 500, capMs: 30_000, random: opts.random }));
    retryTimers.add(t);
  }

  function wire<T extends KubernetesObject>(informer: Informer<T>, name: string, permission: string): void {
    const changed = () => schedule();
    informer.on('add', changed);
    informer.on('update', changed);
    informer.on('delete', changed);
    informer.on('error', (err: unknown) => informerFailed(informer, name, permission, err));
  }

  wire(serviceInformer, 'service', 'get/list/watch services');
  wire(slices, 'slices', 'list/watch on endpointslices');

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      run(serviceInformer, 'service');
      run(slices, 'slices');
    },
    stop() {
      stopped = true;
      clearTimeout(debounce);
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      void serviceInformer.stop();
      void slices.stop();
      void pods?.stop();
    },
  };
}
