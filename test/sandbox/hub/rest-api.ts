import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure } from '../common/status.ts';
import { sendJson, sendStatus } from './http-util.ts';
import type { UserInfo } from './rbac.ts';
import { findResource } from './resources.ts';
import type { HubStore } from './state.ts';

/** A small part of Karpor's dashboard REST API (`/rest-api/v1/*`), enough to tell admin, guest and anonymous apart. */

export interface RestContext {
  store: HubStore;
  now(): Date;
}

/** Karpor's `handler.HandleResult` envelope. */
function ok(res: ServerResponse, code: number, data: unknown, started: Date, now: Date): void {
  sendJson(res, code, {
    success: true,
    message: 'OK',
    ...(data === undefined ? {} : { data }),
    startTime: started.toISOString(),
    endTime: now.toISOString(),
    costTime: `${now.getTime() - started.getTime()}ms`,
  });
}

export function handleRestApi(req: IncomingMessage, res: ServerResponse, url: URL, user: UserInfo, ctx: RestContext): void {
  const started = ctx.now();
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const clusters = findResource('cluster.karpor.io', 'v1beta1', 'clusters');
  if (!clusters) throw new Error('resource table lacks clusters');

  // Karpor's authn handler does nothing: reaching it means the token authenticated and RBAC allowed the path.
  if (path === '/rest-api/v1/authn' && method === 'GET') return ok(res, 200, undefined, started, ctx.now());
  // Sandbox-only: lets the dashboard stand-in (and tests) show who the server thinks is logged in.
  if (path === '/rest-api/v1/whoami' && method === 'GET') return ok(res, 200, { username: user.name, groups: user.groups }, started, ctx.now());
  if (path === '/rest-api/v1/clusters' && method === 'GET') {
    const items = ctx.store.list(clusters).map((c) => ({ name: c.metadata.name, createdAt: c.metadata.creationTimestamp }));
    return ok(res, 200, { items, total: items.length }, started, ctx.now());
  }
  const cluster = /^\/rest-api\/v1\/cluster\/([^/]+)$/.exec(path);
  if (cluster) {
    // Path segments reach here already validated by URL parsing; a stray % stays literal rather than failing.
    const name = (() => {
      try {
        return decodeURIComponent(cluster[1] ?? '');
      } catch {
        return cluster[1] ?? '';
      }
    })();
    if (method === 'GET') {
      const c = ctx.store.get(clusters, undefined, name);
      return c ? ok(res, 200, c, started, ctx.now()) : sendStatus(res, failure(404, 'NotFound', `cluster "${name}" not found`));
    }
    if (method === 'POST') {
      const out = ctx.store.create(clusters, undefined, { metadata: { name }, spec: { displayName: name } });
      return out.ok ? ok(res, 200, out.object, started, ctx.now()) : sendStatus(res, out.status);
    }
    if (method === 'DELETE') {
      const out = ctx.store.delete(clusters, undefined, name);
      return out.ok ? ok(res, 200, undefined, started, ctx.now()) : sendStatus(res, out.status);
    }
  }
  sendStatus(res, failure(404, 'NotFound', `no REST API route for ${method} ${path} in the sandbox hub`));
}
