// One TCP connection through the Kubernetes API server's pod port-forward (v4.channel.k8s.io): the
// fallback when the server path refuses the multiplexed SPDY session (spdy-session.ts).
//
// Why not client-node's PortForward: nothing ends the local socket when its WebSocket closes,
// a local socket closing without `end` leaks the WebSocket, pod-side errors are dropped, there
// is no ping, and with retries it opens lazily on first input (breaking server-speaks-first
// protocols). So this is a small Duplex over `ws` that opens at once, strips the port prefix,
// surfaces the error channel, pings, propagates close/error both ways and honours backpressure,
// while TLS and credentials still come from client-node's KubeConfig (exec plugins, tokens,
// client certs, proxies all keep working).
import { createHash } from 'node:crypto';
import net from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { UpstreamSource } from './upstream.ts';

const DATA = 0;
const ERROR = 1;
const PORT_PREFIX_BYTES = 2;

export type TunnelErrorKind = 'http' | 'pod' | 'network' | 'timeout';

export class TunnelError extends Error {
  readonly kind: TunnelErrorKind;
  /** HTTP status of a refused upgrade (401, 403, 404...). */
  readonly status: number | undefined;
  constructor(kind: TunnelErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'TunnelError';
    this.kind = kind;
    this.status = status;
  }
}

export interface TunnelTarget {
  namespace: string;
  pod: string;
  port: number;
}

export interface TunnelOptions {
  pingIntervalMs?: number;
  openTimeoutMs?: number;
}

/** One local connection's upstream, whatever carries it (WebSocket v4 or a SPDY stream pair). */
export interface ForwardTunnel extends Duplex {
  /** Resolves once the upstream stream exists; rejects with a TunnelError otherwise. */
  readonly opened: Promise<void>;
  /** Set when the stream ended without a normal close (cut, API server gone). */
  abnormalClose: string | undefined;
  /** The upstream is gone; an unread tunnel (a warm spare) must then be destroyed by its owner. */
  upstreamClosed: boolean;
}

/** Opens tunnels with the credentials of one KubeConfig (rebuilt by the caller after a 401); `close` ends shared sessions. */
export type TunnelOpener = ((target: TunnelTarget) => ForwardTunnel) & { close?: () => void };

export function createTunnelOpener(upstream: UpstreamSource, opts: TunnelOptions = {}): TunnelOpener {
  const server = upstream.server.replace(/^http/, 'ws');
  const tlsCache = createTlsCache();
  return (target) => {
    const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/portforward?ports=${target.port}`;
    return new PortTunnel(async () => {
      // Called per tunnel so expiring credentials (exec plugins cache until expiry) stay fresh.
      const wsOpts: WebSocket.ClientOptions & { headers: Record<string, string> } = await upstream.connectOptions();
      // Without a proxy we dial TLS ourselves with a cached SecureContext and session: building
      // the context (parsing CA, cert, key) and a full handshake per connection cost more than
      // everything else a new connection does.
      const direct = upstream.proxied ? {} : { agent: undefined, createConnection: tlsCache.connector(wsOpts) };
      return new WebSocket(server + path, ['v4.channel.k8s.io'], {
        ...wsOpts,
        ...direct,
        perMessageDeflate: false,
        // An all-zero mask lets ws skip XOR-ing every uploaded byte. Masking only defends
        // caching proxies against forged plaintext; this is TLS to an authenticated API server.
        generateMask: (mask: Buffer) => void mask.fill(0),
        handshakeTimeout: opts.openTimeoutMs ?? 10_000,
      });
    }, opts.pingIntervalMs ?? 30_000);
  };
}

interface TlsMaterial {
  ca?: unknown;
  cert?: unknown;
  key?: unknown;
  pfx?: unknown;
  passphrase?: unknown;
  servername?: unknown;
  rejectUnauthorized?: unknown;
}

function createTlsCache() {
  const contexts = new Map<string, tls.SecureContext>();
  let session: Buffer | undefined;
  const digest = (v: unknown) => (v === undefined ? '-' : createHash('sha256').update(typeof v === 'string' || Buffer.isBuffer(v) ? v : JSON.stringify(v)).digest('hex'));
  return {
    connector(material: TlsMaterial) {
      const id = [material.ca, material.cert, material.key, material.pfx, material.passphrase].map(digest).join(':');
      let secureContext = contexts.get(id);
      if (!secureContext) {
        if (contexts.size > 4) contexts.clear(); // rotated client certs: keep only recent ones
        secureContext = tls.createSecureContext(material as tls.SecureContextOptions);
        contexts.set(id, secureContext);
        session = undefined;
      }
      const ctx = secureContext;
      return (o: { host?: string | null; hostname?: string | null; port?: number | string | null }): Duplex => {
        const host = (o.hostname ?? o.host ?? 'localhost').replace(/^\[|\]$/g, '');
        const servername = typeof material.servername === 'string' ? material.servername : net.isIP(host) ? undefined : host;
        const socket = tls.connect({
          host,
          port: Number(o.port ?? 443),
          secureContext: ctx,
          rejectUnauthorized: material.rejectUnauthorized !== false,
          ALPNProtocols: ['http/1.1'],
          ...(servername ? { servername } : {}),
          ...(session ? { session } : {}),
        });
        socket.on('session', (s: Buffer) => (session = s));
        return socket;
      };
    },
  };
}

/**
 * A Duplex carrying one TCP stream. `opened` resolves once the WebSocket is up (rejects with
 * a TunnelError otherwise); writes made before that are held, not lost.
 */
export class PortTunnel extends Duplex implements ForwardTunnel {
  readonly opened: Promise<void>;
  private ws: WebSocket | null = null;
  private readonly portPrefixLeft = [PORT_PREFIX_BYTES, PORT_PREFIX_BYTES];
  private podError = '';
  private pingTimer: NodeJS.Timeout | undefined;
  private alive = true;
  /** Set when the stream ended without a normal WebSocket close (cut, API server gone). */
  abnormalClose: string | undefined;
  /** The WebSocket is gone; an unread tunnel (a warm spare) must then be destroyed by its owner. */
  upstreamClosed = false;

  constructor(connect: () => Promise<WebSocket>, pingIntervalMs: number) {
    // Frames arrive in 16-64 KiB pieces: with the default 16 KiB water marks nearly every frame
    // would pause and resume the WebSocket, which halves throughput.
    super({ allowHalfOpen: false, readableHighWaterMark: 1024 * 1024, writableHighWaterMark: 256 * 1024 });
    this.opened = this.open(connect, pingIntervalMs);
    // The caller may never await `opened` (e.g. a warm tunnel dropped unused): avoid an unhandled rejection.
    this.opened.catch(() => undefined);
  }

  private async open(connect: () => Promise<WebSocket>, pingIntervalMs: number): Promise<void> {
    let ws: WebSocket;
    try {
      ws = await connect();
    } catch (err) {
      const e = new TunnelError('network', `cannot open port-forward: ${errorText(err)}`);
      this.destroy(e);
      throw e;
    }
    if (this.destroyed) {
      ws.terminate();
      throw new TunnelError('network', 'tunnel closed before it opened');
    }
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: TunnelError) => {
        if (!settled) {
          settled = true;
          reject(e);
        }
        this.destroy(e);
      };
      ws.on('unexpected-response', (req, res: IncomingMessage) => {
        settled = true; // the 'close' that follows must not win over the status message
        readStatusMessage(res).then((msg) => {
          const e = new TunnelError('http', `port-forward refused (HTTP ${res.statusCode ?? '?'}): ${msg}`, res.statusCode);
          reject(e);
          this.destroy(e);
          req.destroy();
        });
      });
      ws.on('open', () => {
        settled = true;
        resolve();
        this.pingTimer = setInterval(() => {
          // No pong since the last ping: the path is dead even if TCP has not noticed yet.
          if (!this.alive) return fail(new TunnelError('timeout', 'port-forward stopped answering pings'));
          this.alive = false;
          ws.ping();
        }, pingIntervalMs);
        this.pingTimer.unref();
      });
      ws.on('pong', () => (this.alive = true));
      ws.on('message', (data: Buffer) => this.onFrame(data));
      ws.on('error', (err) => fail(new TunnelError('network', `port-forward connection failed: ${errorText(err)}`)));
      ws.on('close', (code, reason) => {
        clearInterval(this.pingTimer);
        if (!settled) return fail(new TunnelError('network', `port-forward closed while opening (${code})`));
        if (this.podError) return this.destroy(new TunnelError('pod', this.podError));
        // Whatever the close code, bytes already received are delivered before our readable ends
        // (destroying here would drop them); an abnormal code is kept for the caller's log.
        if (code !== 1000 && code !== 1005) this.abnormalClose = `port-forward stream dropped (code ${code}${reason.length ? ` ${reason.toString()}` : ''})`;
        this.upstreamClosed = true;
        this.emit('upstream-closed');
        this.push(null);
      });
    });
  }

  private onFrame(frame: Buffer): void {
    this.alive = true;
    if (frame.length < 1) return;
    const channel = frame[0];
    let payload = frame.subarray(1);
    if (channel !== DATA && channel !== ERROR) return;
    // The first two bytes on each channel are the port number (little endian), possibly split across frames.
    const left = this.portPrefixLeft[channel] ?? 0;
    if (left > 0) {
      const skip = Math.min(left, payload.length);
      this.portPrefixLeft[channel] = left - skip;
      payload = payload.subarray(skip);
    }
    if (payload.length === 0) return;
    if (channel === ERROR) {
      this.podError += payload.toString('utf8');
      return;
    }
    if (!this.push(payload)) this.ws?.pause();
  }

  override _read(): void {
    this.ws?.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.opened.then(
      () => {
        const ws = this.ws;
        if (!ws || ws.readyState !== WebSocket.OPEN) return cb();
        const frame = Buffer.allocUnsafe(chunk.length + 1);
        frame[0] = DATA;
        chunk.copy(frame, 1);
        // The callback fires when ws hands the frame to the socket: that is our backpressure.
        ws.send(frame, { binary: true }, (err) => cb(err ?? null));
      },
      (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
    );
  }

  override _final(cb: (err?: Error | null) => void): void {
    // v4 port-forward has no half-close: the local side finishing ends the stream (pending frames are flushed first).
    this.opened.then(
      () => {
        this.ws?.close(1000);
        cb();
      },
      () => cb(),
    );
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    clearInterval(this.pingTimer);
    const ws = this.ws;
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      if (err || ws.readyState !== WebSocket.OPEN) ws.terminate();
      else ws.close(1000);
    }
    cb(err);
  }
}

export async function readStatusMessage(res: IncomingMessage): Promise<string> {
  // Only the Status `message` is kept: a body could echo request details we must not log.
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of res) {
      const b = c as Buffer;
      size += b.length;
      if (size > 16_384) break;
      chunks.push(b);
    }
  } catch {
    // fall through with what we have
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message.slice(0, 500);
  } catch {
    // not JSON
  }
  return res.statusMessage ?? 'no reason given';
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
