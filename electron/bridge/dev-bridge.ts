// The dev bridge: the renderer in an ordinary browser (tests, `npm run dev:web`), backed by the
// real services through the same dispatcher as Electron IPC. Bound to 127.0.0.1, guarded by a
// per-run secret, and never imported by electron/main.ts, so it is never part of the app.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Envelope } from '../ipc/contract.ts';
import { createDispatcher } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createServices, type ServicesOptions } from '../services.ts';
import { newBridgeSecret, secretMatches } from './bridge-secret.ts';
import { createBridgeEvents } from './bridge-events.ts';
import { serveRendererFile } from './static-files.ts';

export const SECRET_HEADER = 'x-karpor-bridge-secret';
const MAX_BODY_BYTES = 1024 * 1024;
const bodySchema = z.object({ input: z.unknown().optional() }).strict();

export interface DevBridge {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

export async function startDevBridge(opts: { settingsDir: string; rendererDir?: string; port?: number; kubeconfigPath?: string; accounts?: ServicesOptions['accounts'] }): Promise<DevBridge> {
  const rendererDir = opts.rendererDir ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const services = createServices({
    settingsDir: opts.settingsDir,
    version: pkg.version,
    getEnv: () => (opts.kubeconfigPath ? { KUBECONFIG: opts.kubeconfigPath } : process.env),
    ...(opts.accounts ? { accounts: opts.accounts } : {}),
  });
  const dispatch = createDispatcher(createHandlers(services), { transport: 'bridge' });
  const secret = newBridgeSecret();
  const events = createBridgeEvents(services.events, secret);
  let port = 0;
  // Only our own host names: a DNS-rebinding page would arrive with its own Host header.
  const hostAllowed = (req: IncomingMessage): boolean => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendEnvelope(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The dev bridge failed to answer.' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req)) return void res.writeHead(403).end();
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      if (!secretMatches(secret, req.headers[SECRET_HEADER])) {
        return sendEnvelope(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'The dev bridge secret is missing or wrong.', hint: 'Open the URL that `npm run dev:web` printed.' } });
      }
      const body = await readBody(req);
      if (body === null) return sendEnvelope(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is larger than 1 MB.' } });
      let parsed: z.infer<typeof bodySchema>;
      try {
        parsed = bodySchema.parse(body === '' ? {} : JSON.parse(body));
      } catch {
        return sendEnvelope(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body must be JSON of the form {"input": ...}.' } });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(pathname.slice('/ipc/'.length));
      } catch {
        channel = '';
      }
      return sendEnvelope(res, 200, await dispatch(channel, parsed.input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    await serveRendererFile(rendererDir, req, res);
  }

  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req) || new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/events') {
      socket.destroy();
      return;
    }
    events.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#bridge=${secret}`,
    port,
    secret,
    async close() {
      events.close();
      await services.forward.dispose(); // forwards hold local ports and upstream streams
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(envelope));
}

/** The body as text, or null when it exceeds MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
