// SPDY compresses every header block through one zlib stream per direction (with the SPDY
// dictionary), and spdy-transport runs that stream through Node's asynchronous zlib: each
// SYN_STREAM waits a thread-pool round trip, one at a time behind a lock, so a burst of 64 local
// connections (128 SYN_STREAMs) queues 128 hops before the last frame leaves. spdy-transport
// already deflates at level 0 (stored blocks) by default, so this writes the very same bytes
// synchronously instead: the zlib header naming the dictionary once, then per header block a
// non-final stored block and the empty stored block of a sync flush. Any zlib inflater (Go's
// spdystream in the kubelet and API server included) reads it as it reads Node's output.
import transport from 'spdy-transport';
import zlib from 'node:zlib';

/** Largest payload of one stored deflate block. */
const MAX_STORED = 0xffff;
const SYNC_FLUSH_MARK = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);

export interface HeaderCompressor {
  write(chunks: Buffer[], callback: (err: Error | null, out: Buffer[]) => void): void;
}

/** CMF, FLG and DICTID of a level-0 zlib stream with SPDY's dictionary, exactly as Node starts one. */
function zlibHeader(dictionary: Buffer): Buffer {
  const whole = zlib.deflateSync(Buffer.alloc(0), { dictionary, windowBits: 11, level: zlib.constants.Z_NO_COMPRESSION });
  return whole.subarray(0, 6);
}

export function createStoredHeaderCompressor(version: number): HeaderCompressor {
  const dictionary = transport.protocol.spdy.dictionary[version];
  if (!dictionary) throw new Error(`no SPDY dictionary for version ${version}`);
  let header: Buffer | null = zlibHeader(dictionary);
  return {
    write(chunks, callback) {
      const data = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
      const out: Buffer[] = [];
      if (header) {
        out.push(header);
        header = null;
      }
      for (let off = 0; off < data.length; off += MAX_STORED) {
        const part = data.subarray(off, off + MAX_STORED);
        const head = Buffer.allocUnsafe(5);
        head[0] = 0x00; // BFINAL=0, BTYPE=00 (stored), padded to the byte
        head.writeUInt16LE(part.length, 1);
        head.writeUInt16LE(~part.length & 0xffff, 3);
        out.push(head, part);
      }
      out.push(SYNC_FLUSH_MARK);
      callback(null, out);
    },
  };
}
