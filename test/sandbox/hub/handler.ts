import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { forbidden, requestInfo, toAttributes } from '../common/request-info.ts';
import { notFoundPath, unauthorized } from '../common/status.ts';
import { handleApi, type ApiContext } from './api-routes.ts';
import { authenticate, type AuthnContext } from './authn.ts';
import { serveDashboard } from './dashboard-files.ts';
import { versionInfo } from './discovery.ts';
import { sendJson, sendStatus, sendText } from './http-util.ts';
import { ALWAYS_ALLOW_PATHS } from './presets.ts';
import { authorize } from './rbac.ts';
import { handleRestApi } from './rest-api.ts';
import { handleBenchRoute } from './bench-routes.ts';

export interface HubContext extends ApiContext, AuthnContext {
  rbac(): boolean;
  dashboardDir: string;
}

/** Karpor's `/server-configs` body: the dashboard reads `CoreOptions.EnableRBAC` from it. */
function serverConfigs(rbac: boolean): unknown {
  return { CoreOptions: { ReadOnlyMode: false, GithubBadge: false, EnableRBAC: rbac }, AIOptions: { Backend: '', Model: '' } };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: HubContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const rbac = ctx.rbac();
  // With RBAC off Karpor authorizes everything and drops the Authorization header: tokens play no part at all.
  if (!rbac) delete req.headers.authorization;

  const authn = await authenticate(req.socket as TLSSocket, req.headers.authorization, ctx);
  if (!authn.ok) return sendStatus(res, unauthorized());
  const user = authn.user;

  const info = requestInfo(req.method ?? 'GET', url);
  if (rbac && !(info.resourceRequest === false && ALWAYS_ALLOW_PATHS.includes(info.path))) {
    const decision = authorize(ctx.store.policy(), user, toAttributes(info));
    if (!decision.allowed) return sendStatus(res, forbidden(user.name, info));
  }

  const path = url.pathname;
  if (path === '/livez' || path === '/readyz' || path === '/healthz') return sendText(res, 200, 'ok');
  if (path.startsWith('/bench/')) return handleBenchRoute(req, res, url); // port-forward tests + bench
  if (path === '/version') return sendJson(res, 200, versionInfo());
  if (path === '/server-configs') return sendJson(res, 200, serverConfigs(rbac));
  if (path === '/api' || path.startsWith('/api/') || path === '/apis' || path.startsWith('/apis/')) {
    return handleApi(req, res, url, info.resourceRequest ? info : undefined, ctx);
  }
  if (path.startsWith('/rest-api/')) return handleRestApi(req, res, url, user, ctx);
  // The generic API server's paths that the sandbox does not implement: a Status 404, never the dashboard page.
  if (path.startsWith('/openapi/') || path === '/metrics' || path.startsWith('/debug/')) return sendStatus(res, notFoundPath());
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'method not allowed\n');
  return serveDashboard(res, ctx.dashboardDir, path, method === 'HEAD');
}

export function createRequestHandler(ctx: HubContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, ctx).catch((e: unknown) => {
      // A sandbox bug must surface in the test that hit it, not hang the client.
      console.error('sandbox hub: request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'internal error in the sandbox hub', reason: 'InternalError', code: 500 });
      else res.destroy();
    });
  };
}
