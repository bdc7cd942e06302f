import type { IncomingMessage, ServerResponse } from 'node:http';
import { fitsScope, type ResourceRequestInfo } from '../common/request-info.ts';
import { methodNotAllowed, notFound, notFoundPath } from '../common/status.ts';
import { apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import { sendJson, sendStatus } from './http-util.ts';
import { decodeBody, parseObject, patched } from './request-body.ts';
import { apiVersionOf, findResource } from './resources.ts';
import { matchesSelectors } from './selectors.ts';
import type { HubStore } from './state.ts';
import { toTable, wantsTable } from './tables.ts';
import { tokenRequest } from './token-request.ts';
import type { TokenSigner } from './tokens.ts';
import { serveWatch } from './watch.ts';

export interface ApiContext {
  store: HubStore;
  signer: TokenSigner;
  maxTokenExpirationSeconds: number;
  now(): Date;
}

function isDryRun(url: URL): boolean {
  return url.searchParams.getAll('dryRun').includes('All');
}

/** `/api`, `/apis`, discovery and the resource endpoints. The caller has authenticated and authorized the request. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, info: ResourceRequestInfo | undefined, ctx: ApiContext): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '');
  if (!info) {
    if (path === '/api') return sendJson(res, 200, apiVersions(req.headers.host ?? '127.0.0.1'));
    if (path === '/apis') return sendJson(res, 200, apiGroupList());
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    const doc = m ? apiResourceList(m[2] ?? '', m[1] ?? m[3] ?? '') : undefined;
    return doc ? sendJson(res, 200, doc) : sendStatus(res, notFoundPath());
  }

  const def = findResource(info.apiGroup, info.apiVersion, info.resource);
  if (!def || !fitsScope(info, def.namespaced)) return sendStatus(res, notFoundPath());
  const ns = def.namespaced ? info.namespace || undefined : undefined;
  const { name } = info;

  if (info.subresource) {
    if (def.kind === 'ServiceAccount' && info.subresource === 'token' && ns) return tokenRequest(req, res, info, ctx, def);
    return sendStatus(res, notFoundPath());
  }

  const { store } = ctx;
  switch (info.verb) {
    case 'list': {
      // Listing in a missing namespace is an empty list on a real API server, not a 404.
      const items = store.list(def, ns).filter((o) => matchesSelectors(o, url.searchParams));
      if (wantsTable(req.headers.accept)) return sendJson(res, 200, toTable(def.kind, items, store.resourceVersion, ctx.now()));
      return sendJson(res, 200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: store.resourceVersion }, items });
    }
    case 'watch':
      return serveWatch(req, res, url, def, ns, name, store, ctx.now);
    case 'get': {
      const o = store.get(def, ns, name);
      if (!o) return sendStatus(res, notFound(def.group, def.resource, name));
      if (wantsTable(req.headers.accept)) return sendJson(res, 200, toTable(def.kind, [o], store.resourceVersion, ctx.now()));
      return sendJson(res, 200, o);
    }
    case 'create': {
      if (info.name) return sendStatus(res, methodNotAllowed());
      const decoded = await decodeBody(req);
      if (!decoded.ok) return sendStatus(res, decoded.status);
      const parsed = parseObject(def, decoded.value);
      if (!parsed.ok) return sendStatus(res, parsed.status);
      const out = store.create(def, ns, parsed.object, isDryRun(url));
      return out.ok ? sendJson(res, 201, out.object) : sendStatus(res, out.status);
    }
    case 'update': {
      const decoded = await decodeBody(req);
      if (!decoded.ok) return sendStatus(res, decoded.status);
      const parsed = parseObject(def, decoded.value);
      if (!parsed.ok) return sendStatus(res, parsed.status);
      const out = store.update(def, ns, name, parsed.object);
      return out.ok ? sendJson(res, 200, out.object) : sendStatus(res, out.status);
    }
    case 'patch': {
      const current = store.get(def, ns, name);
      if (!current) return sendStatus(res, notFound(def.group, def.resource, name));
      const decoded = await patched(req, current);
      if (!decoded.ok) return sendStatus(res, decoded.status);
      const parsed = parseObject(def, decoded.value);
      if (!parsed.ok) return sendStatus(res, parsed.status);
      const out = store.update(def, ns, name, parsed.object);
      return out.ok ? sendJson(res, 200, out.object) : sendStatus(res, out.status);
    }
    case 'delete': {
      const out = store.delete(def, ns, name);
      return out.ok ? sendJson(res, 200, out.object) : sendStatus(res, out.status);
    }
    default:
      return sendStatus(res, methodNotAllowed());
  }
}
