// spdy-transport ships no types; this covers the server-side surface the port-forward handler uses.
declare module 'spdy-transport' {
  import type { Duplex } from 'node:stream';
  import type { EventEmitter } from 'node:events';

  export interface SpdyWindowSide {
    update(size: number, callback?: () => void): void;
  }

  export interface SpdyStream extends Duplex {
    id: number;
    _spdyState: { window: { send: SpdyWindowSide } };
    headers: Record<string, string | undefined>;
    respond(status: number, headers: Record<string, string>, callback?: (err?: Error) => void): void;
    abort(code?: string, callback?: () => void): void;
  }

  export interface SpdyParser {
    parseKVs(buffer: unknown, callback: (err: Error | null, headers?: Record<string, string>) => void): void;
  }

  export interface SpdyFramer {
    compress: { write(chunks: Buffer[], callback: (err: Error | null, out: Buffer[]) => void): void } | null;
  }

  export interface SpdyConnection extends EventEmitter {
    _spdyState: { parser: SpdyParser; framer: SpdyFramer };
    start(version: number): void;
    end(callback?: () => void): void;
    destroyStreams(err?: Error): void;
  }

  const transport: {
    protocol: { spdy: { dictionary: Record<number, Buffer | undefined> } };
    connection: {
      create(socket: Duplex, options: { protocol: 'spdy' | 'http2'; isServer: boolean; windowSize?: number; maxStreams?: number; maxChunk?: number }): SpdyConnection;
    };
  };
  export default transport;
}
