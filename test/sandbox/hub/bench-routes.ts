// Routes for the port-forward tests and benchmark (not part of Karpor): `GET /bench/bytes?n=N` streams N bytes of a
// fixed pattern (see benchPattern), `POST /bench/echo` streams the request body back. Open only when RBAC is off.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const BLOCK = 64 * 1024;
let block: Buffer | undefined;

/** The 64 KiB block `/bench/bytes` repeats: pseudo-random so a shifted or dropped chunk changes the hash. */
export function benchBlock(): Buffer {
  if (block) return block;
  const parts: Buffer[] = [];
  let seed = Buffer.from('karpor-desktop-bench');
  for (let size = 0; size < BLOCK; size += 32) {
    seed = createHash('sha256').update(seed).digest();
    parts.push(seed);
  }
  block = Buffer.concat(parts).subarray(0, BLOCK);
  return block;
}

/** SHA-256 (hex) of what `/bench/bytes?n=` sends. */
export function benchBytesSha256(n: number): string {
  const h = createHash('sha256');
  const b = benchBlock();
  for (let sent = 0; sent < n; sent += BLOCK) h.update(b.subarray(0, Math.min(BLOCK, n - sent)));
  return h.digest('hex');
}

export function handleBenchRoute(req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (url.pathname === '/bench/bytes' && req.method === 'GET') {
    const n = Math.max(0, Math.min(Number(url.searchParams.get('n') ?? 0) || 0, 4 * 1024 ** 3));
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(n) });
    const b = benchBlock();
    let sent = 0;
    const pump = (): void => {
      while (sent < n) {
        const chunk = b.subarray(0, Math.min(BLOCK, n - sent));
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    return pump();
  }
  if (url.pathname === '/bench/echo' && req.method === 'POST') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    req.pipe(res);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('no such bench route\n');
}
