// Pod -> client DATA frames, written the way the kubelet's spdystream writes them: read at most 32 KiB from the pod,
// send it as one DATA frame (8-byte header + those bytes), repeat. spdy-transport's own path copied every payload
// into a fresh zero-filled buffer and queued it through a scheduler and an old readable-stream, and every 64 KiB
// socket read allocated a new ArrayBuffer whose external memory set off a major GC every few MiB: at hundreds of
// MiB/s the sandbox, not the clients, became the bottleneck of the port-forward benchmark.
import type { OnReadOpts, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SpdyConnection, SpdyStream } from 'spdy-transport';

/** The kubelet copies with io.Copy's 32 KiB buffer: no DATA frame it sends carries more. */
export const MAX_DATA_FRAME = 32 * 1024;
/** Read buffers a pod connection keeps for reuse; more are allocated while the client is slow to take them. */
const SPARE_READ_BUFFERS = 4;

/** The part of spdy-transport's framer (a readable-stream Readable piped into the socket) the writer relies on. */
interface FramerQueue {
  readonly readableLength: number;
  push(chunk: Buffer): boolean;
}

/** SPDY/3 DATA frame header: control bit 0, 31-bit stream id, flags 0 (FIN goes out through spdy-transport), 24-bit length. */
export function dataFrameHeader(streamId: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(8);
  header.writeUInt32BE(streamId & 0x7fffffff, 0);
  header.writeUInt32BE(length, 4);
  return header;
}

/**
 * The write side of one SPDY connection, shared by spdy-transport (control frames, FINs, the upload streams' window)
 * and the DATA writers. A frame may go straight to the socket only when the framer holds nothing back: what the
 * framer buffered (say a SYN_REPLY, while the socket wanted a drain) must reach the wire first, so then the frame
 * joins the framer's queue behind it.
 */
export class ConnectionOutput {
  private readonly socket: Duplex;
  private readonly framer: FramerQueue;
  private readonly waiting = new Set<() => void>();

  constructor(socket: Duplex, conn: SpdyConnection) {
    this.socket = socket;
    this.framer = conn._spdyState.framer as unknown as FramerQueue;
    socket.on('drain', () => this.wake());
    socket.once('close', () => this.waiting.clear());
  }

  /**
   * Sends `payload` (at most 32 KiB) as one DATA frame on `streamId`. `release` runs once nothing refers to
   * `payload` any more, so its memory may take the next read. False when the sender should wait (`whenWritable`).
   */
  writeData(streamId: number, payload: Buffer, release: () => void): boolean {
    const socket = this.socket;
    if (socket.destroyed || socket.writableEnded) {
      release();
      return true;
    }
    const header = dataFrameHeader(streamId, payload.length);
    if (this.framer.readableLength > 0) {
      this.framer.push(header);
      const room = this.framer.push(Buffer.from(payload));
      release();
      return room;
    }
    // Under cork the header and payload leave in one writev; the callback tells when the payload was written.
    socket.cork();
    socket.write(header);
    const room = socket.write(payload, release);
    socket.uncork();
    return room;
  }

  /** Calls `resume` once the connection can take more: on the socket's drain, or at once if it is not backed up. */
  whenWritable(resume: () => void): void {
    if (this.socket.writableNeedDrain) this.waiting.add(resume);
    else setImmediate(resume);
  }

  private wake(): void {
    if (this.waiting.size === 0) return;
    const ready = [...this.waiting];
    this.waiting.clear();
    for (const resume of ready) resume();
  }
}

/** node hands `onread` the buffer the generator returned, typed as the Uint8Array it could also be. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether the client reset the stream (spdy-transport drops what is written after that). */
function aborted(stream: SpdyStream): boolean {
  return (stream._spdyState as { aborted?: boolean }).aborted === true;
}

/**
 * Carries one pod connection's bytes to the client as DATA frames on `stream`, and ends the stream (an empty DATA
 * frame with FIN) when the pod ends its side. Pass `onread` to the pod's `connect()`: the socket then reads into
 * buffers this pump hands out and takes back once written, instead of allocating one per read. Nothing is sent
 * before `start()`, called once the stream's SYN_REPLY was handed to the framer, so that no DATA can overtake it.
 */
export class PodToStream {
  readonly onread: OnReadOpts;
  private readonly stream: SpdyStream;
  private readonly out: ConnectionOutput;
  private readonly spare: Buffer[] = [];
  private pod?: Socket;
  private started = false;
  /** What the pod sent before `start()` (a server that speaks first); reading waits until it is sent. */
  private early?: { chunk: Buffer; memory: Buffer };

  constructor(stream: SpdyStream, out: ConnectionOutput, onData: () => void) {
    this.stream = stream;
    this.out = out;
    this.onread = {
      buffer: () => this.spare.pop() ?? Buffer.allocUnsafe(MAX_DATA_FRAME),
      callback: (length, buffer) => {
        onData();
        const memory = asBuffer(buffer);
        if (this.started) return this.send(memory.subarray(0, length), memory);
        this.early = { chunk: memory.subarray(0, length), memory };
        return false;
      },
    };
  }

  start(): void {
    this.started = true;
    const early = this.early;
    this.early = undefined;
    if (early && this.send(early.chunk, early.memory)) this.pod?.resume();
  }

  /** The pod connection dialled with `onread`, attached as soon as it connects; its end ends the stream. */
  attach(pod: Socket): void {
    this.pod = pod;
    pod.on('end', () => {
      if (!this.stream.writableEnded) this.stream.end();
    });
  }

  /** False stops reading (node's onread contract) until the connection can take more. */
  private send(chunk: Buffer, memory: Buffer): boolean {
    const release = (): void => {
      if (this.spare.length < SPARE_READ_BUFFERS) this.spare.push(memory);
    };
    if (aborted(this.stream)) {
      release();
      return true;
    }
    if (this.out.writeData(this.stream.id, chunk, release)) return true;
    this.out.whenWritable(() => this.pod?.resume());
    return false;
  }
}
