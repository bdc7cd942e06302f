// Port-forward over SPDY/3.1, the protocol kubectl speaks, whether on a raw upgraded connection or tunnelled inside
// WebSocket binary messages (`SPDY/3.1+portforward.k8s.io`). The client opens an error stream and a data stream per
// local connection, tied by the `requestid` header; once both exist the pod connection is made. spdy-transport speaks
// the protocol (streams, replies, header compression, FIN, RST); the pod's bytes go out through spdy-data-writer.ts,
// in the kubelet's 32 KiB DATA frames.
import type { Duplex } from 'node:stream';
import transport from 'spdy-transport';
import type { SpdyConnection, SpdyStream } from 'spdy-transport';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';
import { ConnectionOutput, PodToStream } from './spdy-data-writer.ts';

export const SPDY_PROTOCOL = 'SPDY/3.1';
export const PORTFORWARD_PROTOCOL = 'portforward.k8s.io';

interface Pair {
  data?: SpdyStream;
  /** Settles once the data stream's SYN_REPLY is queued: DATA frames written by hand must follow it. */
  replied?: Promise<void>;
  error?: SpdyStream;
  port: number;
}

/**
 * spdy-transport is written for HTTP over SPDY and rejects a SYN_STREAM without `:method`/`:path`; Kubernetes'
 * streams carry only `streamtype`, `port` and `requestid`. Filling in the two pseudo-headers before its check lets
 * the connection accept them (the values are never used).
 */
function acceptStreamsWithoutRequestLine(conn: SpdyConnection): void {
  const parser = conn._spdyState.parser;
  const parseKVs = parser.parseKVs.bind(parser);
  parser.parseKVs = (buffer, callback) =>
    parseKVs(buffer, (err, headers) => callback(err, headers && { ':method': 'POST', ':path': '/', ...headers }));
}

/**
 * Go's spdystream (kubectl and the kubelet) does no flow control and never sends WINDOW_UPDATE, so spdy-transport
 * would stop sending after the first 64 KiB of a stream; like the kubelet, send without waiting for window.
 */
function withoutSendFlowControl(stream: SpdyStream): void {
  stream._spdyState.window.send.update = (_size, callback) => {
    if (callback) process.nextTick(callback);
  };
}

export function serveSpdyPortForward(socket: Duplex, pod: PodTarget, sessions: ForwardSessions): void {
  const conn = transport.connection.create(socket, { protocol: 'spdy', isServer: true });
  acceptStreamsWithoutRequestLine(conn);
  // Go's spdystream speaks SPDY version 3 framing (no connection-level flow control).
  conn.start(3);
  const out = new ConnectionOutput(socket, conn);
  const pairs = new Map<string, Pair>();
  const session = sessions.track(pod.name, () => socket.destroy());
  const podSockets = new Set<Duplex>();

  const finish = (): void => {
    session.done();
    for (const s of podSockets) s.destroy();
  };
  // Any inbound byte (data, SPDY ping) counts as activity for the idle cut, as it would for a load balancer.
  socket.on('data', session.touch);
  conn.on('close', finish);
  conn.on('error', () => socket.destroy());
  socket.on('close', finish);

  conn.on('stream', (stream: SpdyStream) => {
    withoutSendFlowControl(stream);
    stream.on('error', () => stream.destroy());
    const replied = new Promise<void>((resolve) => stream.respond(200, {}, () => resolve()));
    const h = stream.headers;
    const requestId = h['requestid'] ?? '';
    const port = Number(h['port']);
    const kind = h['streamtype'];
    if ((kind !== 'data' && kind !== 'error') || !Number.isInteger(port)) {
      stream.abort();
      return;
    }
    const pair = pairs.get(requestId) ?? { port };
    pair[kind] = stream;
    if (kind === 'data') pair.replied = replied;
    pairs.set(requestId, pair);
    if (pair.data && pair.error && pair.replied) {
      pairs.delete(requestId);
      forward(pair.data, pair.replied, pair.error, pair.port);
    }
  });

  function forward(data: SpdyStream, replied: Promise<void>, error: SpdyStream, port: number): void {
    error.resume(); // the client sends nothing on it but its close
    const toClient = new PodToStream(data, out, session.touch);
    void replied.then(() => toClient.start());
    sessions.dial(pod, port, toClient.onread).then(
      (podSocket) => {
        podSockets.add(podSocket);
        data.pipe(podSocket);
        toClient.attach(podSocket);
        podSocket.on('error', () => podSocket.destroy());
        podSocket.on('close', () => {
          podSockets.delete(podSocket);
          if (!data.writableEnded) data.end();
          if (!error.writableEnded) error.end();
        });
        data.on('close', () => podSocket.end());
      },
      (err: unknown) => {
        error.end(err instanceof Error ? err.message : String(err));
        data.end();
      },
    );
  }
}
