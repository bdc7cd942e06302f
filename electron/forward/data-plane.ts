// The data plane of one forward: the local listener, the upstream sessions and the health probe
// through them. It runs in this thread (createLocalDataPlane) or in a worker of its own
// (data-plane-thread.ts); the control plane (forward-service.ts) drives both through DataPlane.
import type { Endpoint } from './endpoints.ts';
import { createForwardListener } from './forward-listener.ts';
import type { ForwardListener } from './forward-listener.ts';
import { probeHubLivez } from './health-probe.ts';
import type { ProbeResult } from './health-probe.ts';
import { createMultiplexedOpener } from './spdy-session.ts';
import type { UpstreamSource } from './upstream.ts';
import type { TunnelOpener } from './ws-tunnel.ts';

export interface DataPlaneOptions {
  localPort: number;
  namespace: string;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  warmCount?: number;
  maxConnections?: number;
  holdMs?: number;
  pingIntervalMs?: number;
}

export interface DataPlane {
  /** Binds the local port; rejects with the bind error (its `code` kept: EADDRINUSE, EACCES...). */
  listen(): Promise<number>;
  /** (Re)connects upstream with these credentials: earlier sessions and spare streams are dropped. */
  connect(upstream: UpstreamSource): Promise<void>;
  /** Where new connections go (null: hold them until a pod is ready). */
  setRoute(endpoint: Endpoint | null): void;
  /** Ends the connections to `pod`; resolves with how many there were. */
  closePod(pod: string): Promise<number>;
  /** GET /livez on the hub through a new tunnel to `endpoint`. */
  probe(endpoint: Endpoint, timeoutMs: number): Promise<ProbeResult>;
  /** `cb` runs if the plane stops by itself (its thread died), taking its listener and connections with it. */
  onGone(cb: (reason: string) => void): void;
  close(): Promise<void>;
}

/** Makes the data plane for a forward: in a worker thread, or in this one. */
export type DataPlaneFactory = (opts: DataPlaneOptions, where: 'thread' | 'local') => DataPlane;

export function createLocalDataPlane(opts: DataPlaneOptions): DataPlane {
  let route: Endpoint | null = null;
  let opener: TunnelOpener | null = null;
  const open = (e: Endpoint) => {
    if (!opener) throw new Error('no cluster connection');
    return opener({ namespace: opts.namespace, pod: e.pod, port: e.port });
  };
  const listener: ForwardListener = createForwardListener({
    localPort: opts.localPort,
    route: () => route,
    openTunnel: open,
    log: opts.log,
    ...(opts.warmCount === undefined ? {} : { warmCount: opts.warmCount }),
    ...(opts.maxConnections === undefined ? {} : { maxConnections: opts.maxConnections }),
    ...(opts.holdMs === undefined ? {} : { holdMs: opts.holdMs }),
  });
  return {
    listen: () => listener.listen(),
    async connect(upstream) {
      opener?.close?.();
      opener = createMultiplexedOpener(upstream, opts.pingIntervalMs === undefined ? {} : { pingIntervalMs: opts.pingIntervalMs });
      listener.resetWarm();
    },
    setRoute(endpoint) {
      route = endpoint;
      if (endpoint) listener.routeChanged();
    },
    closePod: async (pod) => listener.closePod(pod),
    probe: async (endpoint, timeoutMs) => probeHubLivez(open(endpoint), timeoutMs),
    // Nothing here can stop by itself: a crash in this thread is a crash of the app.
    onGone: () => undefined,
    async close() {
      await listener.close();
      opener?.close?.();
      opener = null;
    },
  };
}
