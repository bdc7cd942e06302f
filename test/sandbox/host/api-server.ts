// The host's kube-apiserver stand-in: HTTPS with client-certificate and bearer-token authentication, RBAC on every
// request, discovery, the REST routes, and the pods/portforward upgrade (WebSocket v4, WebSocket-tunnelled SPDY, SPDY).
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { badRequest, failure, forbiddenPath, forbiddenResource, notFound, notFoundPath, unauthorized } from '../common/status.ts';
import type { KubeStatus } from '../common/status.ts';
import { sendJson, sendStatus, sendText } from '../hub/http-util.ts';
import { authorize } from '../hub/rbac.ts';
import type { Policy, UserInfo } from '../hub/rbac.ts';
import { authenticate } from './auth.ts';
import { discoveryDocument } from './discovery.ts';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';
import { V4_CHANNEL_PROTOCOL, serveWebSocketPortForward } from './portforward-ws.ts';
import { PORTFORWARD_PROTOCOL, SPDY_PROTOCOL, serveSpdyPortForward } from './portforward-spdy.ts';
import { resourceInfo } from './request-info.ts';
import type { ResourceInfo } from './request-info.ts';
import { handleResource } from './routes.ts';
import type { RouteContext } from './routes.ts';

export const TUNNELED_SPDY_PROTOCOL = `${SPDY_PROTOCOL}+${PORTFORWARD_PROTOCOL}`;
// `ws` rejects subprotocols that are not RFC 7230 tokens, and kubectl's `SPDY/3.1+portforward.k8s.io` contains '/':
// the handshake runs under this stand-in name, and the response header is put back before it is written.
const TUNNEL_PLACEHOLDER = 'x-sandbox-spdy-tunnel';

export interface ApiServerOptions {
  tls: { certPem: string; keyPem: string; caPem: string };
  tokens: ReadonlyMap<string, UserInfo>;
  policy: Policy;
  routes: RouteContext;
  findPod(name: string): PodTarget | undefined;
  sessions: ForwardSessions;
}

type Authorized = { ok: true; user: UserInfo; info?: ResourceInfo } | { ok: false; status: KubeStatus };

export class ApiServer {
  private readonly opts: ApiServerOptions;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (offered) => [...offered][0] ?? false,
  });
  private listenPort = 0;

  constructor(opts: ApiServerOptions) {
    this.opts = opts;
    this.server = createServer(
      { cert: opts.tls.certPem, key: opts.tls.keyPem, ca: opts.tls.caPem, requestCert: true, rejectUnauthorized: false },
      (req, res) => {
        this.handle(req, res).catch((err: unknown) => {
          if (!res.headersSent) sendStatus(res, failure(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`));
          else res.destroy();
        });
      },
    );
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    this.wss.on('headers', (headers: string[]) => {
      const i = headers.indexOf(`Sec-WebSocket-Protocol: ${TUNNEL_PLACEHOLDER}`);
      if (i >= 0) headers[i] = `Sec-WebSocket-Protocol: ${TUNNELED_SPDY_PROTOCOL}`;
    });
  }

  get port(): number {
    return this.listenPort;
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const addr = this.server.address();
    this.listenPort = typeof addr === 'object' && addr ? addr.port : port;
    return this.listenPort;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** Drops every connection (API calls, watches, port-forwards) and listens again on the same port. */
  async restart(): Promise<void> {
    await this.close();
    await this.listen(this.listenPort);
  }

  private authorizeRequest(req: IncomingMessage, url: URL): Authorized {
    const auth = authenticate(req, this.opts.tokens);
    if (!auth.ok) return { ok: false, status: unauthorized() };
    const user = auth.user;
    const info = resourceInfo(req.method ?? 'GET', url);
    if (!info) {
      const verb = (req.method ?? 'GET') === 'GET' || req.method === 'HEAD' ? 'get' : (req.method ?? '').toLowerCase();
      const decision = authorize(this.opts.policy, user, { resourceRequest: false, verb, path: url.pathname });
      return decision.allowed ? { ok: true, user } : { ok: false, status: forbiddenPath(user.name, verb, url.pathname) };
    }
    const attrs = {
      resourceRequest: true as const,
      verb: info.verb,
      apiGroup: info.group,
      resource: info.resource,
      subresource: info.subresource ?? '',
      namespace: info.namespace ?? '',
      name: info.name ?? '',
    };
    // Since Kubernetes 1.30 a WebSocket GET on pods/portforward also needs `create` (AuthorizePodWebsocketUpgradeCreatePermission).
    const verbs = info.subresource === 'portforward' && info.verb === 'get' ? ['get', 'create'] : [info.verb];
    for (const verb of verbs) {
      if (!authorize(this.opts.policy, user, { ...attrs, verb }).allowed) {
        return {
          ok: false,
          status: forbiddenResource({
            user: user.name,
            verb,
            group: info.group,
            resource: info.resource,
            ...(info.subresource !== undefined ? { subresource: info.subresource } : {}),
            ...(info.namespace !== undefined ? { namespace: info.namespace } : {}),
            ...(info.name !== undefined ? { name: info.name } : {}),
          }),
        };
      }
    }
    return { ok: true, user, info };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const authz = this.authorizeRequest(req, url);
    if (!authz.ok) return sendStatus(res, authz.status);
    if (authz.info) return handleResource(this.opts.routes, authz.info, authz.user, url, req, res);

    const path = url.pathname;
    if (['/livez', '/readyz', '/healthz'].includes(path)) return sendText(res, 200, 'ok');
    const doc = discoveryDocument(path, `127.0.0.1:${this.listenPort}`);
    if (doc !== undefined) return sendJson(res, 200, doc);
    // No OpenAPI documents: kubectl only needs them for explain/apply/validation, none of which the sandbox serves.
    sendStatus(res, notFoundPath());
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const authz = this.authorizeRequest(req, url);
    if (!authz.ok) return rejectUpgrade(socket, authz.status);
    const info = authz.info;
    if (!info || info.resource !== 'pods' || info.subresource !== 'portforward' || !info.name || info.namespace === undefined) {
      return rejectUpgrade(socket, notFoundPath());
    }
    const pod = this.opts.findPod(info.name);
    if (!pod || !this.opts.routes.state.get('pods', info.namespace, info.name)) return rejectUpgrade(socket, notFound('', 'pods', info.name));

    const upgrade = (req.headers.upgrade ?? '').toLowerCase();
    if (upgrade === 'websocket') {
      const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      const chosen = [V4_CHANNEL_PROTOCOL, TUNNELED_SPDY_PROTOCOL].find((p) => offered.includes(p));
      if (!chosen) return rejectUpgrade(socket, badRequest(`unable to upgrade: no supported subprotocol in "${offered.join(', ')}"`));
      req.headers['sec-websocket-protocol'] = chosen === TUNNELED_SPDY_PROTOCOL ? TUNNEL_PLACEHOLDER : chosen;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        if (chosen === TUNNELED_SPDY_PROTOCOL) {
          serveSpdyPortForward(createWebSocketStream(ws), pod, this.opts.sessions);
          return;
        }
        const ports = url.searchParams.getAll('ports').flatMap((p) => p.split(',')).map(Number);
        if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) {
          ws.close(1008, 'query parameter "port" is required');
          return;
        }
        serveWebSocketPortForward(ws, pod, ports, this.opts.sessions);
      });
      return;
    }
    if (upgrade === SPDY_PROTOCOL.toLowerCase()) {
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\n' +
          'Connection: Upgrade\r\n' +
          `Upgrade: ${SPDY_PROTOCOL}\r\n` +
          `X-Stream-Protocol-Version: ${PORTFORWARD_PROTOCOL}\r\n\r\n`,
      );
      if (head.length) socket.unshift(head);
      serveSpdyPortForward(socket, pod, this.opts.sessions);
      return;
    }
    rejectUpgrade(socket, badRequest(`unable to upgrade: unsupported protocol "${req.headers.upgrade ?? ''}"`));
  }
}

function rejectUpgrade(socket: Duplex, status: KubeStatus): void {
  const body = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? ''}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
