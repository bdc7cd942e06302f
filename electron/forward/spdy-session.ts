// Multiplexed port-forward, the way kubectl does it: one upgraded SPDY/3.1 connection per pod
// (`portforward.k8s.io`), and per local TCP connection one pair of streams (error + data) tied by a
// `requestid` header. A new connection then costs two SYN_STREAM frames on a live session instead of
// TLS + HTTP upgrade + authorization, and bulk bytes move in large frames without WebSocket framing.
//
// Why spdy-transport gets four adjustments (the first three because Go's spdystream, which real
// kubelets and API servers speak, differs from the HTTP-over-SPDY spdy-transport was written for):
// - Replies carry no `:status` (the kubelet answers SYN_STREAM with empty headers); spdy-transport
//   would RST such a stream, so the reply is accepted as is.
// - spdystream never sends WINDOW_UPDATE, so honouring the send window would stall an upload after
//   64 KiB; like kubectl, we send without waiting for window. (Our own WINDOW_UPDATEs are ignored
//   by spdystream; they are harmless.)
// - The pseudo-headers spdy-transport adds to SYN_STREAM (:method, :path...) are ignored by the
//   kubelet, which reads only `streamtype`, `port` and `requestid`.
// - Header blocks cost no thread-pool round trip: outgoing ones are deflated synchronously
//   (spdy-header-deflate.ts), and incoming ones (the replies above, whose headers nobody reads,
//   kubectl included) are inflated in the background instead of holding up the frames behind them.
// - Inbound DATA of each connection's data stream bypasses spdy-transport (spdy-frame-splitter.ts)
//   and is pushed straight into the tunnel; the stream keeps its window accounting, so a peer that
//   honours flow control still gets WINDOW_UPDATEs as the local client reads.
// When the server refuses the SPDY upgrade (a proxy that only passes WebSockets, a server without
// SPDY), the opener falls back to one WebSocket `v4.channel.k8s.io` per connection for good.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { Readable } from 'node:stream';
import transport from 'spdy-transport';
import { createFrameSplitter } from './spdy-frame-splitter.ts';
import { createStoredHeaderCompressor } from './spdy-header-deflate.ts';
import type { HeaderCompressor } from './spdy-header-deflate.ts';
import { TunnelError, createTunnelOpener, errorText, readStatusMessage } from './ws-tunnel.ts';
import type { ForwardTunnel, TunnelOpener, TunnelOptions, TunnelTarget } from './ws-tunnel.ts';
import type { UpstreamSource } from './upstream.ts';

const SPDY_UPGRADE = 'SPDY/3.1';
const PORTFORWARD_PROTOCOL = 'portforward.k8s.io';
/** A session with no stream for this long is closed (e.g. the pod is no longer the one in use). */
const SESSION_IDLE_MS = 60_000;
/** DATA frames of up to 64 KiB: Go reads them whole; the 8 KiB default quadruples per-frame work. */
const MAX_CHUNK = 64 * 1024;

interface WindowSide {
  update(size: number, callback?: () => void): void;
  isDraining(): boolean;
  getDelta(): number;
}

interface ClientStream extends Duplex {
  readonly id: number;
  _spdyState: { window: { send: WindowSide; recv: WindowSide }; needResponse: boolean };
  _handleResponse(frame: { headers: Record<string, string> }): void;
  abort(code?: string): void;
}

interface ClientConnection extends EventEmitter {
  _spdyState: {
    framer: { compress: HeaderCompressor | null; windowUpdateFrame(frame: { id: number; delta: number }): void };
    parser: NodeJS.WritableStream & {
      decompress: HeaderCompressor;
      parseKVs(block: { toChunks(): Buffer[] }, cb: (err: Error | null, headers: Record<string, string>) => void): void;
    };
  };
  start(version: number): void;
  request(uri: { method: string; path: string; headers: Record<string, string> }, callback: (err: Error | null) => void): ClientStream;
  ping(callback: () => void): void;
  destroyStreams(err?: Error): void;
}

/** Streams whose 'close' has been emitted (spdy-transport streams keep no such flag). */
const closedStreams = new WeakSet<Duplex>();

/** The upgrade was answered without switching to SPDY: this server (or a proxy) does not speak it. */
class SpdyRefused extends Error {}

interface Upstream {
  data: Duplex;
  /** Pod-side error text (SPDY error stream); absent when errors arrive as 'error' on `data`. */
  error?: Readable;
  /** When set, `data`'s inbound bytes arrive through this instead of its 'data' events. */
  direct?: DirectFeed;
}

/** A data stream's inbound bytes, handed over as read from the session (see spdy-frame-splitter.ts). */
interface DirectFeed {
  /** `push` returns false when the consumer wants no more for now. Bytes that came early are replayed. */
  start(push: (bytes: Buffer) => boolean): void;
  /** The consumer wants more again. */
  resume(): void;
}

/**
 * One local connection's upstream: writes are held until the streams exist, reads follow the data
 * stream with backpressure, and the pod's error text becomes a TunnelError('pod').
 */
class SplicedTunnel extends Duplex implements ForwardTunnel {
  readonly opened: Promise<void>;
  abnormalClose: string | undefined;
  upstreamClosed = false;
  private up: Upstream | null = null;
  private podError = '';

  constructor(connect: () => Promise<Upstream>) {
    super({ allowHalfOpen: false, readableHighWaterMark: 1024 * 1024, writableHighWaterMark: 256 * 1024 });
    this.opened = this.open(connect);
    this.opened.catch(() => undefined);
  }

  private async open(connect: () => Promise<Upstream>): Promise<void> {
    let up: Upstream;
    try {
      up = await connect();
    } catch (err) {
      const e = err instanceof TunnelError ? err : new TunnelError('network', `cannot open port-forward: ${errorText(err)}`);
      this.destroy(e);
      throw e;
    }
    if (this.destroyed) {
      up.data.destroy();
      up.error?.destroy();
      throw new TunnelError('network', 'tunnel closed before it opened');
    }
    this.up = up;
    up.error?.on('data', (c: Buffer) => (this.podError += c.toString('utf8')));
    up.error?.on('error', () => undefined);
    const { data } = up;
    data.on('data', (c: Buffer) => {
      if (!this.push(c)) data.pause();
    });
    // Bytes for a tunnel already torn down are dropped, not held against the whole session.
    up.direct?.start((c) => this.destroyed || this.push(c));
    data.on('upstream-closed', () => {
      if ('abnormalClose' in data && typeof data.abnormalClose === 'string') this.abnormalClose = data.abnormalClose;
    });
    // The error stream's text precedes the data stream's end on the wire; give its 'data' a turn.
    data.on('end', () => setImmediate(() => this.upstreamEnded()));
    data.on('error', (err: Error) => this.destroy(err instanceof TunnelError ? err : new TunnelError('network', `port-forward stream failed: ${errorText(err)}`)));
    // The peer's FIN arrived (its 'end' may still be queued behind a 'close' spdy-transport emits first).
    const finished = () => data.readableEnded || (data as { _readableState?: { ended?: boolean } })._readableState?.ended === true;
    const cut = () => {
      // Cut under us (RST, session gone) rather than by our own destroy.
      if (!this.destroyed && !this.upstreamClosed && !finished()) {
        this.abnormalClose ??= 'port-forward stream dropped';
        setImmediate(() => this.upstreamEnded());
      }
    };
    data.on('close', cut);
    // It may have been cut between being opened and these listeners (its 'close' already gone by).
    if (data.destroyed || closedStreams.has(data)) cut();
  }

  private upstreamEnded(): void {
    if (this.upstreamClosed || this.destroyed) return;
    if (this.podError) return void this.destroy(new TunnelError('pod', this.podError));
    this.upstreamClosed = true;
    this.emit('upstream-closed');
    this.push(null);
  }

  override _read(): void {
    this.up?.data.resume();
    this.up?.direct?.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.opened.then(
      () => {
        const data = this.up?.data;
        if (!data || data.destroyed || data.writableEnded) return cb();
        if (data.write(chunk)) return cb();
        const done = () => {
          data.off('drain', done);
          data.off('close', done);
          cb();
        };
        data.on('drain', done);
        data.on('close', done);
      },
      (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
    );
  }

  override _final(cb: (err?: Error | null) => void): void {
    // Half-close, as kubectl does: the pod sees EOF and answers the rest.
    this.opened.then(
      () => {
        const data = this.up?.data;
        if (data && !data.destroyed && !data.writableEnded) data.end();
        cb();
      },
      () => cb(),
    );
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    // spdy streams reset (RST_STREAM CANCEL) on destroy unless both sides already finished.
    this.up?.data.destroy();
    this.up?.error?.destroy();
    cb(err);
  }
}

/** One upgraded SPDY connection to one pod's port-forward endpoint. */
class SpdySession {
  closed = false;
  private readonly socket: Socket;
  private readonly conn: ClientConnection;
  private readonly live = new Set<Duplex>();
  private readonly events = new EventEmitter();
  private nextRequestId = 0;
  private pingTimer: NodeJS.Timeout;
  private idleTimer: NodeJS.Timeout | undefined;
  private alive = true;
  private dropReason = 'port-forward session dropped';
  /** Where each data stream's inbound payloads go, by stream id (see spdy-frame-splitter.ts). */
  private readonly feeds = new Map<number, (payload: Buffer) => void>();
  /** What keeps the socket paused now: a tunnel whose reader is full, or the parser. */
  private readonly holds = new Set<object>();

  constructor(socket: Socket, pingIntervalMs: number) {
    this.events.setMaxListeners(0); // one 'close' listener per stream being opened; a burst opens many
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    this.conn = transport.connection.create(socket, { protocol: 'spdy', isServer: false, maxChunk: MAX_CHUNK }) as unknown as ClientConnection;
    // Go's spdystream speaks SPDY version 3 framing (no session-level flow control).
    this.conn.start(3);
    adaptHeaderBlocks(this.conn);
    this.splitInbound();
    this.conn.on('error', (err: Error) => this.close(`port-forward session failed: ${errorText(err)}`));
    socket.on('error', (err) => this.close(`port-forward session failed: ${errorText(err)}`));
    socket.on('close', () => this.close());
    // SPDY PING: keeps idle-cutting proxies quiet and finds a dead path TCP has not noticed yet.
    this.pingTimer = setInterval(() => {
      if (!this.alive) return this.close('port-forward stopped answering pings');
      this.alive = false;
      this.conn.ping(() => (this.alive = true));
    }, pingIntervalMs);
    this.pingTimer.unref();
    this.armIdle();
  }

  onClose(cb: () => void): void {
    if (this.closed) return void queueMicrotask(cb);
    this.events.once('close', cb);
  }

  /** Opens the error + data stream pair for one connection to `port`. */
  openPair(port: number): Promise<Upstream> {
    if (this.closed) return Promise.reject(new TunnelError('network', this.dropReason));
    clearTimeout(this.idleTimer);
    const requestid = String(this.nextRequestId++);
    const request = (streamtype: 'error' | 'data') =>
      new Promise<ClientStream>((resolve, reject) => {
        // A session that dies before the frames are out would otherwise never call back.
        const dropped = () => reject(new TunnelError('network', this.dropReason));
        this.events.once('close', dropped);
        const stream = this.conn.request({ method: 'POST', path: '/', headers: { streamtype, port: String(port), requestid } }, (err) => {
          this.events.off('close', dropped);
          if (err) reject(new TunnelError('network', `port-forward stream refused: ${errorText(err)}`));
          else if (this.closed) dropped();
          else resolve(stream);
        });
        adaptStream(stream);
        this.track(stream);
        if (streamtype === 'data') direct = this.feed(stream);
      });
    let direct: DirectFeed | undefined;
    const pair = [request('error'), request('data')] as const;
    return Promise.all(pair).then(
      ([error, data]) => {
        error.end(); // kubectl never writes on the error stream either
        return { data, error, ...(direct ? { direct } : {}) };
      },
      (err: unknown) => {
        // One half refused (GOAWAY, reset): the other must not stay open on the session.
        for (const p of pair) p.then((s) => s.destroy(), () => undefined);
        throw err;
      },
    );
  }

  private splitInbound(): void {
    const { parser } = this.conn._spdyState;
    // spdy-transport piped the socket into its parser; the splitter goes in between.
    this.socket.unpipe(parser);
    const splitter = createFrameSplitter({
      passOn: (bytes) => {
        if (parser.write(bytes) || this.holds.has(parser)) return;
        this.hold(parser);
        parser.once('drain', () => this.release(parser));
      },
      claimed: (id) => this.feeds.get(id),
      finished: (id) => this.feeds.delete(id),
    });
    this.socket.on('data', (chunk: Buffer) => splitter.write(chunk));
    this.socket.once('end', () => parser.end());
    this.socket.resume();
  }

  private hold(reason: object): void {
    if (this.holds.size === 0) this.socket.pause();
    this.holds.add(reason);
  }

  private release(reason: object): void {
    if (this.holds.delete(reason) && this.holds.size === 0 && !this.closed) this.socket.resume();
  }

  /** Claims `stream`'s inbound DATA for its tunnel. */
  private feed(stream: ClientStream): DirectFeed {
    const recv = stream._spdyState.window.recv;
    const key = {};
    let push: ((bytes: Buffer) => boolean) | null = null;
    let early: Buffer[] = [];
    // As spdy-transport's stream does when its reader has room: let a flow-controlled peer send more.
    const acknowledge = (): void => {
      if (!recv.isDraining()) return;
      const delta = recv.getDelta();
      recv.update(delta);
      this.conn._spdyState.framer.windowUpdateFrame({ id: stream.id, delta });
    };
    const deliver = (bytes: Buffer): void => {
      if (!push) return void early.push(bytes);
      if (push(bytes)) acknowledge();
      else this.hold(key);
    };
    this.feeds.set(stream.id, (bytes) => {
      recv.update(-bytes.length);
      deliver(bytes);
    });
    stream.once('close', () => {
      this.feeds.delete(stream.id);
      this.release(key);
    });
    return {
      start: (p) => {
        push = p;
        const replay = early;
        early = [];
        for (const bytes of replay) deliver(bytes);
      },
      resume: () => {
        this.release(key);
        if (push) acknowledge();
      },
    };
  }

  private track(stream: ClientStream): void {
    this.live.add(stream);
    stream.on('error', () => undefined); // surfaced through the tunnel that owns it
    stream.once('close', () => {
      closedStreams.add(stream);
      this.live.delete(stream);
      if (this.live.size === 0) this.armIdle();
    });
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close('idle session closed'), SESSION_IDLE_MS);
    this.idleTimer.unref();
  }

  close(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (reason) this.dropReason = reason;
    clearInterval(this.pingTimer);
    clearTimeout(this.idleTimer);
    // Streams still open are cut: their tunnels report an abnormal close and their local sockets end.
    this.socket.destroy();
    for (const s of [...this.live]) s.destroy();
    this.live.clear();
    this.events.emit('close');
  }
}

function adaptHeaderBlocks(conn: ClientConnection): void {
  conn._spdyState.framer.compress = createStoredHeaderCompressor(3);
  const parser = conn._spdyState.parser;
  parser.parseKVs = (block, cb) => {
    // Still inflated, in order, to keep the session's zlib state; a corrupt block ends the session.
    parser.decompress.write(block.toChunks(), (err) => {
      if (err) conn.emit('error', err);
    });
    cb(null, {});
  };
}

function adaptStream(stream: ClientStream): void {
  stream._handleResponse = function (this: ClientStream) {
    this._spdyState.needResponse = false;
    this.emit('response', 200, {});
  };
  stream._spdyState.window.send.update = (_size, callback) => {
    if (callback) process.nextTick(callback);
  };
}

/**
 * Opens tunnels over one SPDY session per pod (created on first use, replaced when it drops), or
 * over per-connection WebSockets once the server has refused SPDY. `close()` ends every session.
 */
export function createMultiplexedOpener(upstream: UpstreamSource, opts: TunnelOptions = {}): TunnelOpener {
  const server = upstream.server;
  const wsOpener = createTunnelOpener(upstream, opts);
  const pingIntervalMs = opts.pingIntervalMs ?? 30_000;
  const openTimeoutMs = opts.openTimeoutMs ?? 10_000;
  const sessions = new Map<string, Promise<SpdySession>>();
  let spdyRefused = false;
  let closed = false;

  function session(target: TunnelTarget): Promise<SpdySession> {
    const key = `${target.namespace}/${target.pod}`;
    const existing = sessions.get(key);
    if (existing) return existing;
    const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/portforward`;
    const created = upgrade(upstream, server + path, openTimeoutMs).then((socket) => {
      const s = new SpdySession(socket, pingIntervalMs);
      s.onClose(() => {
        if (sessions.get(key) === created) sessions.delete(key);
      });
      if (closed) s.close();
      return s;
    });
    sessions.set(key, created);
    created.catch(() => {
      if (sessions.get(key) === created) sessions.delete(key);
    });
    return created;
  }

  const open = (target: TunnelTarget): ForwardTunnel => {
    if (spdyRefused) return wsOpener(target);
    return new SplicedTunnel(async () => {
      try {
        return await (await session(target)).openPair(target.port);
      } catch (err) {
        if (!(err instanceof SpdyRefused)) throw err;
        spdyRefused = true;
        const t = wsOpener(target);
        await t.opened;
        return { data: t };
      }
    });
  };
  return Object.assign(open, {
    close() {
      closed = true;
      for (const p of sessions.values()) p.then((s) => s.close(), () => undefined);
      sessions.clear();
    },
  });
}

/** The raw `Upgrade: SPDY/3.1` request kubectl makes; resolves with the upgraded socket. */
async function upgrade(upstream: UpstreamSource, url: string, timeoutMs: number): Promise<Socket> {
  // Per session, so credentials from exec plugins are fresh when a session is (re)made.
  const options: https.RequestOptions & { headers: Record<string, string> } = await upstream.connectOptions();
  const u = new URL(url);
  const request = u.protocol === 'http:' ? http.request : https.request;
  return new Promise<Socket>((resolve, reject) => {
    const req = request({
      ...options,
      hostname: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port || (u.protocol === 'http:' ? 80 : 443),
      path: u.pathname + u.search,
      method: 'POST',
      timeout: timeoutMs,
      headers: { ...options.headers, Connection: 'Upgrade', Upgrade: SPDY_UPGRADE, 'X-Stream-Protocol-Version': PORTFORWARD_PROTOCOL },
    });
    req.on('upgrade', (res: IncomingMessage, socket: Socket, head: Buffer) => {
      req.setTimeout(0);
      socket.setTimeout(0);
      if (String(res.headers.upgrade ?? '').toLowerCase() !== SPDY_UPGRADE.toLowerCase()) {
        socket.destroy();
        return reject(new SpdyRefused('upgraded to another protocol'));
      }
      if (head.length) socket.unshift(head);
      resolve(socket);
    });
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      void readStatusMessage(res).then((msg) => {
        // Authorization and missing pods answer the same over any protocol; a server error may pass.
        if (status === 401 || status === 403 || status === 404 || status >= 500) {
          reject(new TunnelError('http', `port-forward refused (HTTP ${status}): ${msg}`, status));
        } else {
          reject(new SpdyRefused(`HTTP ${status}: ${msg}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new TunnelError('timeout', `port-forward upgrade did not answer within ${timeoutMs} ms`)));
    req.on('error', (err) => reject(err instanceof TunnelError ? err : new TunnelError('network', `port-forward connection failed: ${errorText(err)}`)));
    req.end();
  });
}
