// The sandbox's SPDY port-forward as the wire sees it: a spdy-transport client over real loopback TCP, every byte the
// server sends parsed independently, and a stream pair opened while the connection is backed up, so that its
// SYN_REPLY waits in spdy-transport's queue while the pod's bytes are already there to be sent.
import { createHash, randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import transport from 'spdy-transport';
import type { SpdyStream } from 'spdy-transport';
import { afterEach, describe, expect, it } from 'vitest';
import { ForwardSessions, POD_PORT } from './forward-sessions.ts';
import { serveSpdyPortForward } from './portforward-spdy.ts';
import { MAX_DATA_FRAME } from './spdy-data-writer.ts';

type WireEvent = { kind: 'reply' | 'rst'; id: number } | { kind: 'data'; id: number; payload: Buffer; fin: boolean };

/** Splits what the server sent into SPDY/3 frames (SYN_REPLY, RST_STREAM and DATA; other control frames skipped). */
class FrameTap {
  readonly events: WireEvent[] = [];
  private pending = Buffer.alloc(0);

  feed(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 8) {
      const length = this.pending.readUIntBE(5, 3);
      if (this.pending.length < 8 + length) return;
      const frame = this.pending.subarray(0, 8 + length);
      this.pending = this.pending.subarray(8 + length);
      if (frame[0]! & 0x80) {
        const type = frame.readUInt16BE(2);
        if (type === 2) this.events.push({ kind: 'reply', id: frame.readUInt32BE(8) & 0x7fffffff });
        if (type === 3) this.events.push({ kind: 'rst', id: frame.readUInt32BE(8) & 0x7fffffff });
      } else {
        this.events.push({ kind: 'data', id: frame.readUInt32BE(0) & 0x7fffffff, payload: Buffer.from(frame.subarray(8)), fin: (frame[4]! & 1) === 1 });
      }
    }
  }

  received(id: number): number {
    let n = 0;
    for (const e of this.events) if (e.kind === 'data' && e.id === id) n += e.payload.length;
    return n;
  }

  finished(id: number): boolean {
    return this.events.some((e) => e.kind === 'data' && e.id === id && e.fin);
  }
}

/** The part of spdy-transport's client connection the test drives (its typings cover the server side only). */
interface SpdyClient {
  start(version: number): void;
  request(options: { method: string; path: string; headers: Record<string, string> }): SpdyStream;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/**
 * A pod that sends `payloads[i]` to its i-th connection and then closes it (or, with `keepOpen`, waits for the
 * other side to end first); and the sandbox's SPDY server in front of it.
 */
async function setup(payloads: Buffer[], keepOpen = false) {
  const podConnections: Socket[] = [];
  const pod = createServer((s) => {
    const payload = payloads[podConnections.length] ?? Buffer.alloc(0);
    podConnections.push(s);
    s.on('error', () => s.destroy());
    if (keepOpen) s.write(payload);
    else s.end(payload);
  });
  const podPort = await listen(pod);
  const serverSockets: Socket[] = [];
  const sessions = new ForwardSessions(0);
  const server = createServer((s) => {
    serverSockets.push(s);
    serveSpdyPortForward(s, { name: 'pod-a', uid: '0000-1111', hubPort: podPort }, sessions);
  });
  const port = await listen(server);

  // The client reads through a duplex of its own, so the test decides when bytes leave the kernel's buffers.
  const real = connect({ host: '127.0.0.1', port });
  const tap = new FrameTap();
  const wire = new Duplex({ read() {}, write: (chunk: Buffer, _enc, cb) => void real.write(chunk, cb) });
  real.on('data', (chunk: Buffer) => {
    tap.feed(chunk);
    wire.push(chunk);
  });
  real.on('error', () => wire.destroy());
  const client = transport.connection.create(wire, { protocol: 'spdy', isServer: false }) as unknown as SpdyClient;
  client.start(3);
  cleanup.push(() => {
    real.destroy();
    for (const s of [...serverSockets, ...podConnections]) s.destroy();
    server.close();
    pod.close();
  });

  const openPair = (requestId: string): SpdyStream => {
    const headers = (streamtype: string) => ({ streamtype, port: String(POD_PORT), requestid: requestId });
    client.request({ method: 'POST', path: '/', headers: headers('error') }).resume();
    const data = client.request({ method: 'POST', path: '/', headers: headers('data') });
    data.resume();
    return data;
  };
  return { tap, real, openPair, podConnections, serverSockets };
}

/** Every stream's frames: SYN_REPLY first, DATA of 1..32 KiB, one empty FIN last; returns the payload. */
function streamOnWire(tap: FrameTap, id: number): Buffer {
  const events = tap.events.filter((e) => e.id === id);
  expect(events[0]?.kind).toBe('reply');
  const data = events.slice(1);
  expect(data.every((e) => e.kind === 'data')).toBe(true);
  const frames = data.flatMap((e) => (e.kind === 'data' ? [e] : []));
  const last = frames.at(-1);
  expect(last?.fin).toBe(true);
  expect(last?.payload.length).toBe(0);
  for (const f of frames.slice(0, -1)) {
    expect(f.fin).toBe(false);
    expect(f.payload.length).toBeGreaterThan(0);
    expect(f.payload.length).toBeLessThanOrEqual(MAX_DATA_FRAME);
  }
  return Buffer.concat(frames.map((f) => f.payload));
}

describe('SPDY port-forward DATA frames', () => {
  it('keeps each SYN_REPLY ahead of its DATA and the bytes intact, also for a pair opened while the connection is backed up', async () => {
    const big = randomBytes(24 * 1024 * 1024);
    const late = randomBytes(3 * 1024 * 1024 + 123);
    const { tap, real, openPair, podConnections, serverSockets } = await setup([big, late]);

    const first = openPair('0');
    await until('the first MiB of the first stream', () => tap.received(first.id) > 1024 * 1024);
    real.pause();
    await until('the server socket to back up', () => serverSockets[0]?.writableNeedDrain === true);

    const second = openPair('1');
    await until('the second pod connection', () => podConnections.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    real.resume();
    // A client that saw DATA before SYN_REPLY resets the stream: stop waiting then, the checks below say why.
    await until('both streams to finish', () => (tap.finished(first.id) && tap.finished(second.id)) || tap.events.some((e) => e.kind === 'rst'), 30_000);
    expect(tap.events.filter((e) => e.kind === 'rst')).toEqual([]);

    expect(sha(streamOnWire(tap, first.id))).toBe(sha(big));
    expect(sha(streamOnWire(tap, second.id))).toBe(sha(late));
  }, 60_000);

  it('closes the pod connection when the client resets its stream mid-transfer', async () => {
    const { tap, openPair, podConnections } = await setup([randomBytes(16 * 1024 * 1024)], true);
    const data = openPair('0');
    await until('some data', () => tap.received(data.id) > 256 * 1024);
    const pod = podConnections[0];
    expect(pod?.closed).toBe(false);
    data.abort();
    await until('the pod connection to close', () => pod?.closed === true);
  }, 30_000);
});
