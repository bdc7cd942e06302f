import zlib from 'node:zlib';
import transport from 'spdy-transport';
import { describe, expect, it } from 'vitest';
import { createStoredHeaderCompressor } from '../../electron/forward/spdy-header-deflate.ts';

describe('synchronous SPDY header deflate', () => {
  it('writes one zlib stream that a persistent inflater with the SPDY dictionary reads block by block', async () => {
    const dictionary = transport.protocol.spdy.dictionary[3];
    if (!dictionary) throw new Error('spdy-transport has no v3 dictionary');
    const inflate = zlib.createInflate({ dictionary, flush: zlib.constants.Z_SYNC_FLUSH });
    const compressor = createStoredHeaderCompressor(3);
    // Small header blocks as a SYN_STREAM carries, and one over a stored block's 64 KiB limit.
    const blocks = [Buffer.from('streamtype\0error'), Buffer.from('port\x007443requestid\x000'), Buffer.alloc(70_000, 0x61)];
    for (const block of blocks) {
      let out: Buffer[] = [];
      compressor.write([block], (err, chunks) => {
        expect(err).toBeNull();
        out = chunks;
      });
      // Synchronous: the frame is complete before write() returns.
      expect(out.length).toBeGreaterThan(0);
      const inflated = await new Promise<Buffer>((resolve, reject) => {
        const got: Buffer[] = [];
        const onData = (c: Buffer) => got.push(c);
        inflate.on('data', onData);
        inflate.write(Buffer.concat(out), () => {
          inflate.off('data', onData);
          resolve(Buffer.concat(got));
        });
        inflate.once('error', reject);
      });
      expect(inflated.equals(block)).toBe(true);
    }
  });

  it('matches the bytes Node zlib writes at level 0 for the first block', () => {
    const dictionary = transport.protocol.spdy.dictionary[3];
    if (!dictionary) throw new Error('spdy-transport has no v3 dictionary');
    const block = Buffer.from('streamtype\0data');
    let ours = Buffer.alloc(0);
    createStoredHeaderCompressor(3).write([block], (_err, chunks) => (ours = Buffer.concat(chunks)));
    const node = zlib.deflateSync(block, { dictionary, windowBits: 11, level: zlib.constants.Z_NO_COMPRESSION, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    expect(ours.equals(node)).toBe(true);
  });
});
