// The persistent port-forward engine for one profile: local listener + endpoint tracking +
// health probes, feeding the pure state reducer. One instance per profile, no globals.
import type { KubeConfig } from '@kubernetes/client-node';
import { backoffDelay } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { createEndpointTracker } from './endpoint-tracker.ts';
import type { EndpointTracker, TrackerView } from './endpoint-tracker.ts';
import { pickEndpoint, trackReadySince } from './endpoints.ts';
import type { Endpoint } from './endpoints.ts';
import { createLocalDataPlane } from './data-plane.ts';
import type { DataPlane, DataPlaneFactory, DataPlaneOptions } from './data-plane.ts';
import { createThreadDataPlane } from './data-plane-thread.ts';
import { createEventLog } from './event-log.ts';
import { nextAttempt, reduceForwardState } from './forward-state.ts';
import type { ForwardErrorCode, ForwardEvent, ForwardLogEntry, ForwardState, ForwardTarget } from './forward-state.ts';
import { describeBindError, nextFreePort } from './local-port.ts';
import { upstreamFromKubeConfig } from './upstream.ts';
import type { UpstreamSource } from './upstream.ts';
import { TunnelError, errorText } from './ws-tunnel.ts';

export interface ForwardServiceOptions {
  /** Builds a fresh KubeConfig with `context` current; called again after a 401 so exec plugins re-run. */
  loadKubeConfig: (kubeconfigPath: string | null, context: string) => KubeConfig | Promise<KubeConfig>;
  clock?: { now(): Date };
  random?: () => number;
  healthIntervalMs?: number;
  probeTimeoutMs?: number;
  pingIntervalMs?: number;
  backoff?: Omit<BackoffOptions, 'random'>;
  /** Upstream streams kept open for the next connections (default 2, 0 = none). */
  warmTunnels?: number;
  maxConnections?: number;
  /** How long accepted sockets wait for a ready pod during a rollout. */
  holdMs?: number;
  debounceMs?: number;
  /** Run the listener and upstream sessions in a worker thread (data-plane-thread.ts); default true. */
  dataThread?: boolean;
  /** Makes data planes (default: the worker-thread and in-thread ones of this folder). */
  createDataPlane?: DataPlaneFactory;
}

export interface ForwardService {
  start(target: ForwardTarget): Promise<ForwardState>;
  stop(): Promise<void>;
  /** Probe now (resume, unlock, network change); resolves with the state after that probe. */
  recheck(): Promise<ForwardState>;
  state(): ForwardState;
  target(): ForwardTarget | null;
  log(): ForwardLogEntry[];
  onState(cb: (state: ForwardState) => void): () => void;
  /** After PORT_IN_USE: restart on the suggested free port; returns the new target (to persist). */
  useSuggestedPort(): Promise<ForwardTarget>;
}

interface Session {
  target: ForwardTarget;
  /** Listener + upstream sessions; null while the local port could not be bound. */
  plane: DataPlane | null;
  /** `plane` runs in this thread (by choice, for a proxy, or because no worker could start). */
  planeLocal: boolean;
  /** Whether `plane` has credentials to reach the cluster. */
  connected: boolean;
  tracker: EndpointTracker | null;
  readySince: Map<string, number>;
  current: Endpoint | null;
  retryTimer: NodeJS.Timeout | undefined;
  probing: Promise<void> | null;
  probeAgain: boolean;
  lastRebuildAt: number;
  closed: boolean;
}

const PERMISSION_HINT = (ns: string) =>
  `Ask a cluster admin for a Role in namespace ${ns} granting get and create on pods/portforward, ` +
  `and list/watch on endpointslices (discovery.k8s.io) or pods, and get/list/watch on services.`;

const defaultDataPlane: DataPlaneFactory = (opts, where) => (where === 'thread' ? createThreadDataPlane(opts) : createLocalDataPlane(opts));

export function createForwardService(options: ForwardServiceOptions): ForwardService {
  const now = () => options.clock?.now() ?? new Date();
  const healthIntervalMs = options.healthIntervalMs ?? 15_000;
  const events = createEventLog(now);
  const listeners = new Set<(s: ForwardState) => void>();
  let current: ForwardState = { status: 'stopped' };
  let session: Session | null = null;

  const log = (level: ForwardLogEntry['level'], message: string) => void events.add(level, message);

  function dispatch(event: ForwardEvent): void {
    const next = reduceForwardState(current, event);
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    for (const cb of listeners) {
      try {
        cb(next);
      } catch {
        // a broken subscriber must not stop the engine
      }
    }
  }

  function fatal(s: Session, code: ForwardErrorCode, message: string, hint: string, suggestedPort?: number): void {
    if (s.closed) return;
    clearTimeout(s.retryTimer);
    const changed = !(current.status === 'error' && current.code === code && current.message === message);
    dispatch({ type: 'fatal', code, message, hint, ...(suggestedPort === undefined ? {} : { suggestedPort }) });
    if (changed) log('error', message);
  }

  function failed(s: Session, error: string): void {
    if (s.closed) return;
    const retryInMs = backoffDelay(nextAttempt(current), { ...options.backoff, random: options.random });
    dispatch({ type: 'probeFailed', error, at: now(), retryInMs });
    log('warn', `${error}; retrying in ${(retryInMs / 1000).toFixed(1)} s`);
    schedule(s, retryInMs);
  }

  function schedule(s: Session, delayMs: number): void {
    clearTimeout(s.retryTimer);
    if (s.closed) return;
    s.retryTimer = setTimeout(() => void probe(s), delayMs);
    s.retryTimer.unref?.();
  }

  /** One probe at a time; a request during a probe runs one more right after it. */
  function probe(s: Session): Promise<void> {
    if (s.closed) return Promise.resolve();
    if (s.probing) {
      s.probeAgain = true;
      return s.probing;
    }
    clearTimeout(s.retryTimer);
    s.probing = runProbe(s).finally(() => {
      s.probing = null;
      if (s.probeAgain && !s.closed) {
        s.probeAgain = false;
        void probe(s);
      }
    });
    return s.probing;
  }

  async function runProbe(s: Session): Promise<void> {
    const endpoint = s.current;
    if (!s.plane || !s.connected) return;
    if (!endpoint) {
      // The tracker decides (Service missing, forbidden...); a plain "no ready pod" is a retry.
      if (current.status === 'error' || current.status === 'starting') return;
      return failed(s, `no ready pod behind Service ${s.target.namespace}/${s.target.service}`);
    }
    try {
      const result = await s.plane.probe(endpoint, options.probeTimeoutMs ?? 5_000);
      if (s.closed) return;
      // The route may have moved on during the probe; only a probe of the pod in use counts.
      if (s.current?.pod !== endpoint.pod) return void (s.probeAgain = true);
      const was = current;
      dispatch({ type: 'probeSucceeded', pod: endpoint.pod, at: now(), hubCertFingerprint256: result.hubCertFingerprint256 });
      if (was.status !== 'ready' || was.pod !== endpoint.pod) log('info', `forwarding 127.0.0.1:${s.target.localPort} to pod ${endpoint.pod}:${endpoint.port}`);
      schedule(s, healthIntervalMs);
    } catch (err) {
      if (s.closed) return;
      if (err instanceof TunnelError && err.kind === 'http' && err.status === 401) return rebuild(s, 'port-forward answered 401');
      if (err instanceof TunnelError && err.kind === 'http' && err.status === 403) {
        return fatal(
          s,
          'FORBIDDEN',
          `Not allowed to port-forward to pods in namespace ${s.target.namespace}: missing get and create on pods/portforward (${err.message})`,
          PERMISSION_HINT(s.target.namespace),
        );
      }
      failed(s, `health probe via pod ${endpoint.pod} failed: ${errorText(err)}`);
    }
  }

  /** Expired host credentials: reload the kubeconfig (exec plugins run again) and start over. */
  async function rebuild(s: Session, why: string): Promise<void> {
    if (s.closed) return;
    const t = now().getTime();
    if (t - s.lastRebuildAt < 10_000) {
      return fatal(s, 'UNAUTHORIZED', `The cluster rejected the credentials of context ${s.target.context} (${why}), also after reloading them`,
        'Log in again with your cluster provider (e.g. refresh the exec plugin or token in the kubeconfig), then press Recheck.');
    }
    s.lastRebuildAt = t;
    log('info', `credentials rejected (${why}); reloading the kubeconfig`);
    if (!(await connectKube(s))) return;
    void probe(s);
  }

  async function connectKube(s: Session): Promise<boolean> {
    let kc: KubeConfig;
    try {
      kc = await options.loadKubeConfig(s.target.kubeconfigPath, s.target.context);
    } catch (err) {
      fatal(s, 'KUBECONFIG_INVALID', errorText(err), 'Fix the kubeconfig or choose another context in the profile.');
      return false;
    }
    if (s.closed) return false;
    s.tracker?.stop();
    let upstream: UpstreamSource;
    try {
      upstream = upstreamFromKubeConfig(kc);
    } catch (err) {
      fatal(s, 'KUBECONFIG_INVALID', errorText(err), 'Fix the kubeconfig or choose another context in the profile.');
      return false;
    }
    // A proxy-url needs client-node's agent, which cannot cross to a worker: this one runs here.
    if (upstream.proxied && s.plane && !s.planeLocal) {
      await s.plane.close();
      s.plane = null;
      if (!(await bind(s, true))) return false;
    }
    if (!s.plane || s.closed) return false;
    await s.plane.connect(upstream);
    s.connected = true;
    if (s.closed) return false;
    s.tracker = createEndpointTracker({
      kc,
      namespace: s.target.namespace,
      service: s.target.service,
      servicePort: s.target.servicePort,
      onView: (view) => onView(s, view),
      onLog: (m) => log('warn', m),
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      ...(options.random ? { random: options.random } : {}),
    });
    s.tracker.start();
    return true;
  }

  function onView(s: Session, view: TrackerView): void {
    if (s.closed) return;
    const ns = s.target.namespace;
    const svc = `${ns}/${s.target.service}`;
    if (view.kind !== 'endpoints') setRoute(s, []);
    switch (view.kind) {
      case 'serviceMissing':
        return fatal(s, 'SERVICE_NOT_FOUND', `Service ${svc} does not exist in context ${s.target.context}`,
          'Check the namespace and Service name in the profile (Karpor installs karpor/karpor-server). Forwarding resumes by itself when the Service appears.');
      case 'servicePortMissing':
        return fatal(s, 'SERVICE_PORT_NOT_FOUND', view.message, 'Set the Service port in the profile to one the Service exposes (Karpor uses 7443).');
      case 'forbidden':
        return fatal(s, 'FORBIDDEN', view.message, PERMISSION_HINT(ns));
      case 'unauthorized':
        return void rebuild(s, 'watch answered 401');
      case 'unavailable':
        return failed(s, view.message);
      case 'endpoints': {
        const wasError = current.status === 'error';
        const changed = setRoute(s, view.endpoints);
        if (!s.current) return failed(s, `no ready pod behind Service ${svc}`);
        // Something changed (or we were waiting on the tracker): find out for real.
        if (changed || wasError || current.status !== 'ready') void probe(s);
      }
    }
  }

  /** Applies a new endpoint set; returns whether the pod in use changed. */
  function setRoute(s: Session, endpoints: Endpoint[]): boolean {
    s.readySince = trackReadySince(s.readySince, endpoints, now().getTime());
    const prev = s.current;
    const next = pickEndpoint(endpoints, prev?.pod ?? null, s.readySince);
    s.current = next;
    const same = prev?.pod === next?.pod && prev?.port === next?.port;
    if (same) return false;
    const plane = s.plane;
    if (prev && plane) {
      const pod = prev.pod;
      void plane.closePod(pod).then(
        (closed) => log('info', `pod ${pod} left the ready set${closed ? `; closed its ${closed} connection(s)` : ''}`),
        () => undefined,
      );
    }
    if (next && prev) log('info', `switching to pod ${next.pod}`);
    plane?.setRoute(next);
    return true;
  }

  async function teardown(s: Session): Promise<void> {
    s.closed = true;
    clearTimeout(s.retryTimer);
    s.tracker?.stop();
    await s.plane?.close();
  }

  async function start(target: ForwardTarget): Promise<ForwardState> {
    if (session) await teardown(session);
    const s: Session = {
      target,
      plane: null,
      planeLocal: false,
      connected: false,
      tracker: null,
      readySince: new Map(),
      current: null,
      retryTimer: undefined,
      probing: null,
      probeAgain: false,
      lastRebuildAt: 0,
      closed: false,
    };
    session = s;
    dispatch({ type: 'start', localPort: target.localPort });
    log('info', `starting: ${target.context} ${target.namespace}/${target.service}:${target.servicePort} -> 127.0.0.1:${target.localPort}`);
    if (!(await bind(s))) return current;
    await connectKube(s);
    return current;
  }

  function createPlane(s: Session, local: boolean): DataPlane {
    const planeOptions: DataPlaneOptions = {
      localPort: s.target.localPort,
      namespace: s.target.namespace,
      log,
      ...(options.warmTunnels === undefined ? {} : { warmCount: options.warmTunnels }),
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
      ...(options.holdMs === undefined ? {} : { holdMs: options.holdMs }),
      ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    };
    const make = options.createDataPlane ?? defaultDataPlane;
    s.planeLocal = local || options.dataThread === false;
    let plane: DataPlane | null = null;
    if (!s.planeLocal) {
      try {
        plane = make(planeOptions, 'thread');
      } catch (err) {
        log('warn', `forwarding in the main thread: the data thread did not start (${errorText(err)})`);
        s.planeLocal = true;
      }
    }
    plane ??= make(planeOptions, 'local');
    const made = plane;
    made.onGone((why) => void planeGone(s, made, why));
    return made;
  }

  /** The data thread died (a bug, not a network event): carry on in this thread rather than stay down. */
  async function planeGone(s: Session, plane: DataPlane, why: string): Promise<void> {
    if (s.closed || s.plane !== plane) return;
    log('error', `${why}; forwarding continues in the main thread`);
    s.plane = null;
    s.connected = false;
    if (!(await bind(s, true))) return;
    if (await connectKube(s)) void probe(s);
  }

  async function bind(s: Session, local = false): Promise<boolean> {
    const plane = createPlane(s, local);
    try {
      await plane.listen();
    } catch (err) {
      await plane.close();
      const f = describeBindError(err, s.target.localPort, await nextFreePort(s.target.localPort));
      fatal(s, f.code, f.message, f.hint, f.suggestedPort);
      return false;
    }
    if (s.closed) {
      await plane.close();
      return false;
    }
    s.plane = plane;
    plane.setRoute(s.current);
    log('info', `listening on 127.0.0.1:${s.target.localPort}`);
    return true;
  }

  return {
    start,
    async stop() {
      const s = session;
      session = null;
      if (s) {
        await teardown(s);
        log('info', 'stopped');
      }
      dispatch({ type: 'stop' });
    },
    async recheck() {
      const s = session;
      if (!s || s.closed) return current;
      if (!s.plane) {
        // The local port was taken: maybe it is free now.
        if (await bind(s)) await connectKube(s);
        return current;
      }
      if (current.status === 'error' && current.code === 'UNAUTHORIZED') s.lastRebuildAt = 0;
      if (current.status === 'error' && (current.code === 'UNAUTHORIZED' || current.code === 'KUBECONFIG_INVALID')) {
        if (!(await connectKube(s))) return current;
      }
      await probe(s);
      return current;
    },
    state: () => current,
    target: () => session?.target ?? null,
    log: () => events.entries(),
    onState(cb) {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
    async useSuggestedPort() {
      const s = session;
      if (!s || current.status !== 'error' || current.suggestedPort === undefined) {
        throw new Error('There is no suggested port to use: the forward is not failing on a taken local port');
      }
      const target = { ...s.target, localPort: current.suggestedPort };
      await start(target);
      return target;
    },
  };
}
