// The local listener: accepts on 127.0.0.1:<port>, and splices each accepted socket onto a
// tunnel to the pod chosen right now. Keeps a couple of warm tunnels ready (a new connection then skips
// opening its upstream stream and the kubelet's dial into the pod), holds sockets briefly while no pod is ready
// (a rollout looks like a slow response rather than a refused connection), and closes the
// connections of a pod that left the ready set.
import net from 'node:net';
import { LOOPBACK } from './local-port.ts';
import type { Endpoint } from './endpoints.ts';
import type { ForwardTunnel } from './ws-tunnel.ts';
import { TunnelError, errorText } from './ws-tunnel.ts';

export interface ForwardListenerOptions {
  localPort: number;
  /** Where new connections go now; null while no pod is ready. */
  route: () => Endpoint | null;
  openTunnel: (endpoint: Endpoint) => ForwardTunnel;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  maxConnections?: number;
  /** How long an accepted socket may wait for a ready pod before it is closed. */
  holdMs?: number;
  /** Spare upstream streams kept open for the next connections (0 = none). */
  warmCount?: number;
}

export interface ForwardListener {
  /** Binds; rejects with the bind error (EADDRINUSE, EACCES...). Resolves to the bound port. */
  listen(): Promise<number>;
  /** The route changed: hand held sockets over and re-warm. */
  routeChanged(): void;
  /** Ends every connection (and the warm tunnels) to `pod`. Returns how many were closed. */
  closePod(pod: string): number;
  /** Drops the warm tunnels, e.g. after the credentials were rebuilt. */
  resetWarm(): void;
  connectionCount(): number;
  close(): Promise<void>;
}

interface Conn {
  local: net.Socket;
  tunnel: ForwardTunnel;
  pod: string;
}

export function createForwardListener(opts: ForwardListenerOptions): ForwardListener {
  const holdMs = opts.holdMs ?? 10_000;
  const conns = new Set<Conn>();
  const held = new Map<net.Socket, NodeJS.Timeout>();
  const warmCount = opts.warmCount ?? 2;
  type Spare = { tunnel: ForwardTunnel; endpoint: Endpoint };
  let spares: Spare[] = [];
  let warmFailures = 0;
  let warmTimer: NodeJS.Timeout | undefined;
  let closed = false;
  let lastPodError = { text: '', at: 0 };

  // 16 KiB socket buffers (the default) would pause and resume the tunnel for every frame of a download.
  const server = net.createServer({ noDelay: true, keepAlive: true, keepAliveInitialDelay: 30_000, pauseOnConnect: true, highWaterMark: 1024 * 1024 }, onAccept);
  server.maxConnections = opts.maxConnections ?? 512;

  function onAccept(local: net.Socket): void {
    if (closed) return void local.destroy();
    local.on('error', () => undefined); // reported through 'close'; a reset client is not our error
    const endpoint = opts.route();
    if (!endpoint) return hold(local);
    dispatch(local, endpoint);
  }

  function hold(local: net.Socket): void {
    const timer = setTimeout(() => {
      held.delete(local);
      local.destroy();
      opts.log('warn', `closed a connection that waited ${Math.round(holdMs / 1000)} s for a ready pod`);
    }, holdMs);
    held.set(local, timer);
    local.once('close', () => {
      clearTimeout(timer);
      held.delete(local);
    });
  }

  function takeWarm(endpoint: Endpoint): ForwardTunnel | null {
    while (spares.length > 0) {
      const w = spares.shift() as Spare;
      const usable = w.endpoint.pod === endpoint.pod && w.endpoint.port === endpoint.port && !w.tunnel.destroyed && !w.tunnel.upstreamClosed;
      if (usable) return w.tunnel;
      w.tunnel.destroy();
    }
    return null;
  }

  function dropSpares(pred: (s: Spare) => boolean = () => true): void {
    const gone = spares.filter(pred);
    spares = spares.filter((s) => !pred(s));
    for (const s of gone) s.tunnel.destroy();
  }

  function dispatch(local: net.Socket, endpoint: Endpoint): void {
    let tunnel: ForwardTunnel;
    try {
      tunnel = takeWarm(endpoint) ?? opts.openTunnel(endpoint);
    } catch (err) {
      // No cluster connection right now (e.g. a kubeconfig that stopped loading): refuse this one, stay up.
      opts.log('warn', `connection refused locally: ${errorText(err)}`);
      local.destroy();
      return;
    }
    refillWarm(0);
    const conn: Conn = { local, tunnel, pod: endpoint.pod };
    conns.add(conn);
    local.pipe(tunnel);
    tunnel.pipe(local);
    local.resume();
    tunnel.on('error', (err) => {
      reportTunnelError(endpoint.pod, err);
      local.destroy();
    });
    local.once('close', () => {
      conns.delete(conn);
      tunnel.destroy();
    });
    tunnel.once('close', () => {
      if (tunnel.abnormalClose) reportDrop(endpoint.pod, tunnel.abnormalClose);
      if (!local.destroyed) {
        local.end();
        // Read on to the client's FIN: the pipe into the tunnel is gone, and a socket left paused
        // would never see it, stay open (and count against maxConnections) until the linger below.
        local.resume();
        // A client that never closes its side must not keep the socket forever; a timer left
        // behind a closed socket would keep it alive for those 5 s, so it goes with the socket.
        const linger = setTimeout(() => local.destroy(), 5_000).unref();
        local.once('close', () => clearTimeout(linger));
      }
    });
  }

  function reportTunnelError(pod: string, err: Error): void {
    const text = err instanceof TunnelError && err.kind === 'pod' ? `pod ${pod} refused the connection: ${err.message.trim()}` : `connection to pod ${pod} failed: ${errorText(err)}`;
    // One line per distinct error per 5 s: a browser opening 20 sockets into a broken pod is one event.
    const now = Date.now();
    if (text === lastPodError.text && now - lastPodError.at < 5_000) return;
    lastPodError = { text, at: now };
    opts.log('warn', text);
  }

  let lastDrop = 0;
  function reportDrop(pod: string, what: string): void {
    const now = Date.now();
    if (now - lastDrop < 5_000) return;
    lastDrop = now;
    opts.log('warn', `${what} (pod ${pod})`);
  }

  function refillWarm(delayMs: number): void {
    if (closed || spares.length >= warmCount || warmTimer) return;
    warmTimer = setTimeout(() => {
      warmTimer = undefined;
      if (closed) return;
      const endpoint = opts.route();
      if (!endpoint) return;
      try {
        while (spares.length < warmCount) addSpare(endpoint);
      } catch {
        // no cluster connection: the next accepted connection tries (and reports) again
      }
    }, delayMs);
    warmTimer.unref();
  }

  function addSpare(endpoint: Endpoint): void {
    const tunnel = opts.openTunnel(endpoint);
    const entry = { tunnel, endpoint };
    spares.push(entry);
    tunnel.on('error', () => undefined); // an unused spare's failure is nobody's business
    const bornAt = Date.now();
    const drop = () => {
      if (!spares.includes(entry)) return;
      spares = spares.filter((s) => s !== entry);
      tunnel.destroy();
      // A spare that keeps dying young (broken pod, refused upgrade) is re-made ever more slowly,
      // never in a loop; one that lived a while was cut for idling and is simply replaced.
      warmFailures = Date.now() - bornAt >= 5_000 ? 0 : warmFailures + 1;
      refillWarm(Math.min(30_000, 1_000 * 2 ** Math.min(warmFailures, 5)));
    };
    tunnel.once('upstream-closed', drop);
    tunnel.once('close', drop);
  }

  return {
    listen() {
      return new Promise<number>((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen({ host: LOOPBACK, port: opts.localPort, exclusive: true }, () => {
          server.off('error', onError);
          server.on('error', (err) => opts.log('error', `local listener: ${errorText(err)}`));
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : opts.localPort);
        });
      });
    },
    routeChanged() {
      const endpoint = opts.route();
      if (!endpoint) return;
      dropSpares((s) => s.endpoint.pod !== endpoint.pod || s.endpoint.port !== endpoint.port);
      for (const [local, timer] of held) {
        clearTimeout(timer);
        held.delete(local);
        dispatch(local, endpoint);
      }
      warmFailures = 0;
      refillWarm(0);
    },
    closePod(pod) {
      let n = 0;
      for (const c of conns) {
        if (c.pod !== pod) continue;
        n++;
        // Clean close: FIN to the client, normal close to the API server.
        c.local.end();
        c.tunnel.destroy();
      }
      dropSpares((s) => s.endpoint.pod === pod);
      return n;
    },
    resetWarm() {
      dropSpares();
      warmFailures = 0;
      refillWarm(0);
    },
    connectionCount: () => conns.size,
    close() {
      closed = true;
      clearTimeout(warmTimer);
      dropSpares();
      for (const [local, timer] of held) {
        clearTimeout(timer);
        local.destroy();
      }
      held.clear();
      // server.close() alone waits for keep-alive connections: destroy them too.
      for (const c of conns) {
        c.local.destroy();
        c.tunnel.destroy();
      }
      conns.clear();
      return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
