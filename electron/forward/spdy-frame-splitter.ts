// Splits a SPDY/3 session's inbound bytes at frame boundaries: the payload of DATA frames on a
// claimed stream goes straight to that stream's consumer, as slices of the bytes read (no copy);
// every other frame goes on, byte for byte, to spdy-transport's parser.
//
// Why not let spdy-transport parse everything: it copies each DATA frame out of its read buffer,
// wraps it in a frame object and passes it through two generations of stream buffering before a
// byte reaches the local socket. On a bulk download that machinery cost more CPU than TLS itself.

/** SPDY frame header: 8 bytes; the first bit tells a control frame (1) from a DATA frame (0). */
const HEADER = 8;
const FLAG_FIN = 0x01;

export interface FrameSplitterOptions {
  /** Where the bytes of every frame not taken by a claim go (spdy-transport's parser). */
  passOn(bytes: Buffer): void;
  /** The consumer of a stream's DATA payloads, if that stream is claimed. */
  claimed(streamId: number): ((payload: Buffer) => void) | undefined;
  /**
   * A claimed stream's peer sent FIN: the splitter passes on an empty DATA frame with FIN so the
   * parser closes that stream's readable side in order with the rest; this is called first.
   */
  finished(streamId: number): void;
}

export interface FrameSplitter {
  write(chunk: Buffer): void;
}

export function createFrameSplitter(opts: FrameSplitterOptions): FrameSplitter {
  // A header split across reads is gathered here; the rest is handled in place.
  const header = Buffer.alloc(HEADER);
  let headerFill = 0;
  /** Bytes left in the current frame's body. */
  let remaining = 0;
  /** Where the current frame's body goes: a claim's consumer, or passOn. */
  let sink: ((bytes: Buffer) => void) | null = null;
  let finStream = -1;

  function startFrame(h: Buffer): void {
    const length = h.readUIntBE(5, 3);
    const isData = (h[0] ?? 0) < 0x80;
    const streamId = isData ? h.readUInt32BE(0) : -1;
    const consumer = isData ? opts.claimed(streamId) : undefined;
    const fin = isData && ((h[4] ?? 0) & FLAG_FIN) !== 0;
    if (consumer) {
      sink = consumer;
      finStream = fin ? streamId : -1;
    } else {
      // A copy: `h` is a view of the read (or of the reused header buffer) and the parser may keep it.
      opts.passOn(Buffer.from(h));
      sink = opts.passOn;
      finStream = -1;
    }
    remaining = length;
    if (remaining === 0) endFrame();
  }

  function endFrame(): void {
    sink = null;
    if (finStream < 0) return;
    const id = finStream;
    finStream = -1;
    opts.finished(id);
    const fin = Buffer.alloc(HEADER);
    fin.writeUInt32BE(id & 0x7fffffff, 0);
    fin[4] = FLAG_FIN;
    opts.passOn(fin);
  }

  return {
    write(chunk) {
      let at = 0;
      while (at < chunk.length) {
        if (sink === null) {
          if (headerFill === 0 && chunk.length - at >= HEADER) {
            // The usual case: the whole header is in this read.
            const h = chunk.subarray(at, at + HEADER);
            at += HEADER;
            startFrame(h);
          } else {
            const n = Math.min(HEADER - headerFill, chunk.length - at);
            chunk.copy(header, headerFill, at, at + n);
            headerFill += n;
            at += n;
            if (headerFill < HEADER) return;
            headerFill = 0;
            startFrame(header);
          }
          continue;
        }
        const n = Math.min(remaining, chunk.length - at);
        const body = chunk.subarray(at, at + n);
        at += n;
        remaining -= n;
        sink(body);
        if (remaining === 0) endFrame();
      }
    },
  };
}
