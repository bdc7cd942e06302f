// The host's kube-apiserver stand-in: HTTPS with client-certificate and bearer-token authentication, RBAC on every
// request, discovery, the REST routes, and the pods/portforward upgrade (handed to the port-forward upgrader).
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { failure, notFound, notFoundPath, unauthorized } from '../common/status.ts';
import type { KubeStatus } from '../common/status.ts';
import { forbidden, requestInfo, toAttributes } from '../common/request-info.ts';
import type { ResourceRequestInfo } from '../common/request-info.ts';
import { sendJson, sendStatus, sendText } from '../hub/http-util.ts';
import { authorize } from '../hub/rbac.ts';
import type { Policy, UserInfo } from '../hub/rbac.ts';
import { authenticate } from './auth.ts';
import { discoveryDocument } from './discovery.ts';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';
import { PortForwardUpgrader, rejectUpgrade } from './portforward-upgrade.ts';
import { handleResource } from './routes.ts';
import type { RouteContext } from './routes.ts';

export interface ApiServerOptions {
  tls: { certPem: string; keyPem: string; caPem: string };
  tokens: ReadonlyMap<string, UserInfo>;
  policy: Policy;
  routes: RouteContext;
  findPod(name: string): PodTarget | undefined;
  sessions: ForwardSessions;
}

type Authorized = { ok: true; user: UserInfo; info?: ResourceRequestInfo } | { ok: false; status: KubeStatus };

export class ApiServer {
  private readonly opts: ApiServerOptions;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly portForward: PortForwardUpgrader;
  private listenPort = 0;

  constructor(opts: ApiServerOptions) {
    this.opts = opts;
    this.portForward = new PortForwardUpgrader(opts.sessions);
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
    const info = requestInfo(req.method ?? 'GET', url);
    // Since Kubernetes 1.30 a WebSocket GET on pods/portforward also needs `create` (AuthorizePodWebsocketUpgradeCreatePermission).
    const verbs = info.resourceRequest && info.subresource === 'portforward' && info.verb === 'get' ? ['get', 'create'] : [info.verb];
    for (const verb of verbs) {
      const asked = { ...info, verb };
      if (!authorize(this.opts.policy, user, toAttributes(asked)).allowed) return { ok: false, status: forbidden(user.name, asked) };
    }
    return { ok: true, user, ...(info.resourceRequest ? { info } : {}) };
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
    if (!info || info.resource !== 'pods' || info.subresource !== 'portforward' || info.name === '' || info.namespace === '') {
      return rejectUpgrade(socket, notFoundPath());
    }
    const pod = this.opts.findPod(info.name);
    if (!pod || !this.opts.routes.state.get('pods', info.namespace, info.name)) return rejectUpgrade(socket, notFound('', 'pods', info.name));
    this.portForward.upgrade(req, socket, head, url, pod);
  }
}
