// The splitter is pure: bytes in, frames out. Every way a session's bytes can be cut into reads
// (at each byte) must give the same frames to the same places.
import { describe, expect, it } from 'vitest';
import { createFrameSplitter } from '../../electron/forward/spdy-frame-splitter.ts';

function dataFrame(id: number, payload: Buffer, fin = false): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(id, 0);
  h[4] = fin ? 1 : 0;
  h.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([h, payload]);
}

function controlFrame(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(0x8003, 0); // SPDY/3 control bit + version
  h.writeUInt16BE(type, 2);
  h.writeUIntBE(body.length, 5, 3);
  return Buffer.concat([h, body]);
}

function run(session: Buffer, cut: number[], claimed: Set<number>) {
  const passed: Buffer[] = [];
  const got = new Map<number, Buffer[]>();
  const finished: number[] = [];
  const s = createFrameSplitter({
    passOn: (b) => passed.push(Buffer.from(b)),
    claimed: (id) => (claimed.has(id) ? (b: Buffer) => got.set(id, [...(got.get(id) ?? []), Buffer.from(b)]) : undefined),
    finished: (id) => {
      finished.push(id);
      claimed.delete(id);
    },
  });
  let at = 0;
  for (const c of [...cut, session.length]) {
    s.write(session.subarray(at, c));
    at = c;
  }
  return { passed: Buffer.concat(passed), got: new Map([...got].map(([k, v]) => [k, Buffer.concat(v)])), finished };
}

describe('spdy frame splitter', () => {
  const reply = controlFrame(2, Buffer.from([0, 0, 0, 1, 0, 0]));
  const ping = controlFrame(6, Buffer.from([0, 0, 0, 1]));
  const a = Buffer.from('hello from the pod, stream one');
  const b = Buffer.from('error text on stream three');
  const session = Buffer.concat([reply, dataFrame(1, a.subarray(0, 10)), ping, dataFrame(3, b), dataFrame(1, a.subarray(10)), dataFrame(1, Buffer.alloc(0), true), dataFrame(1, Buffer.from('late'))]);
  const finFrame = dataFrame(1, Buffer.alloc(0), true);

  it('sends claimed DATA payloads to their stream and everything else on unchanged, at every read boundary', () => {
    for (let cut = 0; cut <= session.length; cut++) {
      for (const second of [cut, Math.min(session.length, cut + 3)]) {
        const r = run(session, [cut, second], new Set([1]));
        expect(r.got.get(1)?.toString()).toBe(a.toString());
        expect(r.finished).toEqual([1]);
        // Control frames and the unclaimed stream pass through byte for byte; the FIN reaches the parser as an
        // empty DATA frame; after FIN the stream is no longer claimed and its frames pass on too.
        expect(r.passed).toEqual(Buffer.concat([reply, ping, dataFrame(3, b), finFrame, dataFrame(1, Buffer.from('late'))]));
      }
    }
  });

  it('passes everything on when nothing is claimed', () => {
    const r = run(session, [5, 17, 40], new Set());
    expect(r.passed).toEqual(session);
    expect(r.got.size).toBe(0);
  });

  it('hands a large payload over as slices of the reads, without copying', () => {
    const big = Buffer.alloc(100_000, 7);
    const frame = dataFrame(5, big);
    const pieces: Buffer[] = [];
    const s = createFrameSplitter({ passOn: () => undefined, claimed: () => (p) => pieces.push(p), finished: () => undefined });
    const read = Buffer.from(frame);
    s.write(read.subarray(0, 40_000));
    s.write(read.subarray(40_000));
    expect(Buffer.concat(pieces)).toEqual(big);
    expect(pieces[0]?.buffer).toBe(read.buffer);
  });
});
