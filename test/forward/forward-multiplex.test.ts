// The upstream transport: connections share one SPDY session per pod (no TLS + upgrade per
// connection), and a server path that refuses SPDY (a proxy passing only WebSockets) still works
// through one WebSocket v4 per connection.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { benchBytesSha256 } from '../sandbox/hub/bench-routes.ts';
import { createHostPki } from '../sandbox/host/certs.ts';
import { KubeConfig } from '@kubernetes/client-node';
import { probeHubLivez } from '../../electron/forward/health-probe.ts';
import { createMultiplexedOpener } from '../../electron/forward/spdy-session.ts';
import { upstreamFromKubeConfig } from '../../electron/forward/upstream.ts';
import { forwardService, freePort, request, target, waitForState } from './forward-helpers.ts';

const Kubeconfig = z.object({
  clusters: z.array(z.object({ name: z.string(), cluster: z.object({ server: z.string(), 'certificate-authority-data': z.string() }) })),
  users: z.array(z.object({ name: z.string(), user: z.record(z.string(), z.unknown()) })),
});
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: unknown) => Buffer.from(String(s), 'base64').toString('utf8');

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

/** A kubeconfig copy whose cluster points elsewhere (optionally with another CA and user). */
function kubeconfigVia(sb: Sandbox, server: string, ca?: string, user?: Record<string, unknown>): string {
  const doc = parse(readFileSync(sb.kubeconfigPath, 'utf8')) as Record<string, unknown>;
  const kc = Kubeconfig.parse(doc);
  const clusters = kc.clusters.map((c) => ({ ...c, cluster: { ...c.cluster, server, ...(ca ? { 'certificate-authority-data': b64(ca) } : {}) } }));
  const users = user ? kc.users.map((u) => (u.name === 'sandbox' ? { ...u, user } : u)) : kc.users;
  const path = join(mkdtempSync(join(tmpdir(), 'karpor-fwd-mux-')), 'kubeconfig');
  writeFileSync(path, stringify({ ...doc, clusters, users }));
  return path;
}

describe('forward upstream transport', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ rbac: false, pods: 1 });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('carries many connections over one upstream connection (SPDY streams, not one upgrade each)', async () => {
    const api = new URL(sb.server);
    let upstreamConnections = 0;
    // A plain TCP relay in front of the API server: it counts connections, it cannot see inside TLS.
    const relay = net.createServer((c) => {
      upstreamConnections++;
      const up = net.connect(Number(api.port), '127.0.0.1');
      c.pipe(up).pipe(c);
      c.on('error', () => up.destroy());
      up.on('error', () => c.destroy());
    });
    const relayPort = await listen(relay);
    const svc = forwardService();
    const port = await freePort();
    try {
      await svc.start(target(kubeconfigVia(sb, `https://127.0.0.1:${relayPort}`), port));
      await waitForState(svc, (s) => s.status === 'ready');
      await request(port, '/livez');
      const before = upstreamConnections;
      for (let i = 0; i < 10; i++) expect((await request(port, '/livez')).status).toBe(200);
      const parallel = await Promise.all(Array.from({ length: 40 }, () => request(port, `/bench/bytes?n=${64 * 1024}`)));
      expect(parallel.every((r) => r.status === 200 && r.body.length === 64 * 1024)).toBe(true);
      // 50 connections, not one new TCP connection to the API server.
      expect(upstreamConnections).toBe(before);
    } finally {
      await svc.stop();
      relay.close();
    }
  });

  it('falls back to one WebSocket per connection when the server path refuses SPDY', async () => {
    const api = new URL(sb.server);
    const kc = Kubeconfig.parse(parse(readFileSync(sb.kubeconfigPath, 'utf8')));
    const admin = kc.users.find((u) => u.name === 'sandbox')?.user ?? {};
    const upstreamTls = {
      ca: unb64(kc.clusters[0]?.cluster['certificate-authority-data']),
      cert: unb64(admin['client-certificate-data']),
      key: unb64(admin['client-key-data']),
    };
    const pki = await createHostPki({ user: 'proxy', groups: [] });
    const seen = { spdy: 0, websocket: 0 };
    // Like an ingress that proxies only WebSocket upgrades: TLS ends here, it authenticates upstream itself.
    const proxy = https.createServer({ cert: pki.server.certPem, key: pki.server.keyPem }, (req, res) => {
      const { authorization: _drop, ...headers } = req.headers;
      const up = https.request({ host: '127.0.0.1', port: api.port, method: req.method, path: req.url, headers, ...upstreamTls }, (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      });
      up.on('error', () => res.destroy());
      res.on('close', () => up.destroy());
      req.pipe(up);
    });
    proxy.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (String(req.headers.upgrade).toLowerCase() !== 'websocket') {
        seen.spdy++;
        const body = '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"only WebSocket upgrades are proxied","code":400}';
        socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
        return;
      }
      seen.websocket++;
      const up = tls.connect({ host: '127.0.0.1', port: Number(api.port), ...upstreamTls, servername: 'localhost' }, () => {
        const lines = Object.entries(req.headers)
          .filter(([k]) => k !== 'authorization')
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
        up.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
        if (head.length) up.write(head);
        socket.pipe(up).pipe(socket);
      });
      up.on('error', () => socket.destroy());
      socket.on('error', () => up.destroy());
    });
    const proxyPort = await listen(proxy);
    const kcPath = kubeconfigVia(sb, `https://127.0.0.1:${proxyPort}`, pki.ca.certPem, { token: 'not-used-by-the-proxy' });
    const kube = new KubeConfig();
    kube.loadFromFile(kcPath);
    kube.setCurrentContext('sandbox');
    const open = createMultiplexedOpener(upstreamFromKubeConfig(kube));
    const pod = sb.pods().find((p) => p.ready)?.name ?? '';
    const tunnel = () => open({ namespace: 'karpor', pod, port: 7443 });
    try {
      const first = await probeHubLivez(tunnel());
      expect(first.hubCertFingerprint256).toMatch(/^[0-9A-F:]+$/);
      expect(seen).toEqual({ spdy: 1, websocket: 1 });
      // Bytes intact through the fallback, in a tunnel of its own.
      const n = 2 * 1024 * 1024;
      const t = tunnel();
      const body = await new Promise<Buffer>((resolve, reject) => {
        const s = tls.connect({ socket: t, servername: 'localhost', rejectUnauthorized: false }, () => s.write(`GET /bench/bytes?n=${n} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks)));
        s.on('error', reject);
      });
      const payload = body.subarray(body.indexOf('\r\n\r\n') + 4);
      expect(payload.length).toBe(n);
      expect(createHash('sha256').update(payload).digest('hex')).toBe(benchBytesSha256(n));
      await probeHubLivez(tunnel());
      // Once refused, SPDY is not tried again: each further connection is its own WebSocket.
      expect(seen).toEqual({ spdy: 1, websocket: 3 });
    } finally {
      open.close?.();
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
