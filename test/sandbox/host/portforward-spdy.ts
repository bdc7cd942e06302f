// Port-forward over SPDY/3.1, the protocol kubectl speaks, whether on a raw upgraded connection or tunnelled inside
// WebSocket binary messages (`SPDY/3.1+portforward.k8s.io`). The client opens an error stream and a data stream per
// local connection, tied by the `requestid` header; once both exist the pod connection is made.
import type { Duplex } from 'node:stream';
import transport from 'spdy-transport';
import type { SpdyConnection, SpdyStream } from 'spdy-transport';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';

export const SPDY_PROTOCOL = 'SPDY/3.1';
export const PORTFORWARD_PROTOCOL = 'portforward.k8s.io';

interface Pair {
  data?: SpdyStream;
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
  // Go's spdystream writes what one read returned as one DATA frame, and the kubelet copies with io.Copy's 32 KiB
  // buffer; spdy-transport's default splits into 8 KiB frames, four times the per-frame work of a real kubelet.
  const conn = transport.connection.create(socket, { protocol: 'spdy', isServer: true, maxChunk: 32 * 1024 });
  acceptStreamsWithoutRequestLine(conn);
  // Go's spdystream speaks SPDY version 3 framing (no connection-level flow control).
  conn.start(3);
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
    stream.respond(200, {});
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
    pairs.set(requestId, pair);
    if (pair.data && pair.error) {
      pairs.delete(requestId);
      forward(pair.data, pair.error, pair.port);
    }
  });

  function forward(data: SpdyStream, error: SpdyStream, port: number): void {
    error.resume(); // the client sends nothing on it but its close
    sessions.dial(pod, port).then(
      (podSocket) => {
        podSockets.add(podSocket);
        podSocket.on('data', session.touch);
        data.pipe(podSocket);
        podSocket.pipe(data);
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
