// Serves the built renderer over the dev bridge with the app's CSP, as the app:// protocol does.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CSP, contentTypeFor, resolveRendererFile } from '../shell/renderer-files.ts';

export async function serveRendererFile(rendererDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = resolveRendererFile(rendererDir, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  let body: Buffer | null = null;
  if (file) {
    try {
      body = await readFile(file);
    } catch {
      body = null;
    }
  }
  if (!body || !file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': APP_CSP }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
