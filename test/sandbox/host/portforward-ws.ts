// Port-forward over WebSocket `v4.channel.k8s.io`, as the kubelet serves it to client-node: per port a data channel
// (2i) and an error channel (2i+1), each opened by a frame carrying the port as 2 bytes little-endian; every frame
// after that is [channel byte] + payload. The pod connection is opened as soon as the WebSocket is accepted.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';

export const V4_CHANNEL_PROTOCOL = 'v4.channel.k8s.io';

function frame(channel: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(payload.length + 1);
  out[0] = channel;
  payload.copy(out, 1);
  return out;
}

// The kubelet copies with io.Copy, which blocks while the other side is not taking bytes: the pod socket is paused
// while the WebSocket holds more than this, instead of buffering a whole download in memory.
const MAX_BUFFERED = 1024 * 1024;

function portBytes(port: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port, 0);
  return b;
}

export function serveWebSocketPortForward(ws: WebSocket, pod: PodTarget, ports: number[], sessions: ForwardSessions): void {
  const sockets: Array<Socket | undefined> = [];
  const queued: Buffer[][] = ports.map(() => []);
  const session = sessions.track(pod.name, () => ws.terminate());

  const closeAll = (): void => {
    session.done();
    for (const s of sockets) s?.destroy();
  };
  ws.on('close', closeAll);
  ws.on('error', closeAll);
  // Pings are bytes on the wire too: they keep a load balancer's idle timer from firing.
  ws.on('ping', session.touch);
  ws.on('pong', session.touch);

  ports.forEach((port, i) => {
    ws.send(frame(2 * i, portBytes(port)));
    ws.send(frame(2 * i + 1, portBytes(port)));
  });

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    session.touch();
    const buf = isBinary ? data : Buffer.from(data.toString('utf8'));
    if (buf.length < 1) return;
    const channel = buf[0] ?? 0;
    const i = channel / 2;
    // Only data channels carry input; anything written to an error channel is ignored, like the kubelet does.
    if (!Number.isInteger(i) || i >= ports.length) return;
    const payload = buf.subarray(1);
    const socket = sockets[i];
    if (!socket) return void queued[i]?.push(payload);
    if (!socket.write(payload) && !ws.isPaused) {
      ws.pause();
      socket.once('drain', () => ws.resume());
    }
  });

  ports.forEach((port, i) => {
    sessions.dial(pod, port).then(
      (socket) => {
        if (ws.readyState !== ws.OPEN) {
          socket.destroy();
          return;
        }
        sockets[i] = socket;
        for (const chunk of queued[i] ?? []) socket.write(chunk);
        queued[i] = [];
        socket.on('data', (chunk: Buffer) => {
          session.touch();
          ws.send(frame(2 * i, chunk), () => {
            if (socket.isPaused() && ws.bufferedAmount < MAX_BUFFERED / 2) socket.resume();
          });
          if (ws.bufferedAmount > MAX_BUFFERED) socket.pause();
        });
        socket.on('error', () => socket.destroy());
        socket.on('close', () => {
          if (ws.readyState === ws.OPEN) ws.close(1000);
        });
      },
      (err: unknown) => {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(frame(2 * i + 1, Buffer.from(err instanceof Error ? err.message : String(err))));
        ws.close(1000);
      },
    );
  });
}
