// REST handling of the host's resources (get, list, watch, delete) and SelfSubjectAccessReview, after authorization.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { fitsScope } from '../common/request-info.ts';
import type { ResourceRequestInfo } from '../common/request-info.ts';
import { badRequest, methodNotAllowed, notFound, notFoundPath } from '../common/status.ts';
import { readBody, sendJson, sendStatus } from '../hub/http-util.ts';
import { authorize } from '../hub/rbac.ts';
import type { Policy, UserInfo } from '../hub/rbac.ts';
import { kubeTimestamp } from './cluster-state.ts';
import type { ClusterState, KubeObject } from './cluster-state.ts';
import { apiVersionOf, findResource } from './resources.ts';
import type { ResourceType } from './resources.ts';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors.ts';
import { decodeSsarProtobuf } from './ssar-protobuf.ts';
import { toTable, wantsTable } from './table.ts';
import { serveWatch } from './watch-stream.ts';

export interface RouteContext {
  state: ClusterState;
  policy: Policy;
  /** Deletes through the owning controller, so replacements and endpoints follow. */
  deletePod(name: string): Promise<boolean>;
  deleteService(): Promise<void>;
}

function fieldsOf(o: KubeObject): Record<string, string> {
  const f: Record<string, string> = { 'metadata.name': o.metadata.name, 'metadata.namespace': o.metadata.namespace ?? '' };
  const status = o['status'] as { phase?: string } | undefined;
  const spec = o['spec'] as { nodeName?: string } | undefined;
  if (o.kind === 'Pod') Object.assign(f, { 'status.phase': status?.phase ?? '', 'spec.nodeName': spec?.nodeName ?? '' });
  return f;
}

/** Selectors of a list or watch; a watch on a named object (the old `/watch/namespaces/NS/pods/NAME` form) sees only that one. */
function filterFrom(url: URL, name: string): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(url.searchParams.get('labelSelector'));
  const fields = parseFieldSelector(url.searchParams.get('fieldSelector'));
  return (o) => (name === '' || o.metadata.name === name) && labels(o.metadata.labels ?? {}) && fields(fieldsOf(o));
}

const ssarSchema = z.object({
  spec: z.object({
    resourceAttributes: z
      .object({
        namespace: z.string().optional(),
        verb: z.string().optional(),
        group: z.string().optional(),
        resource: z.string().optional(),
        subresource: z.string().optional(),
        name: z.string().optional(),
      })
      .optional(),
    nonResourceAttributes: z.object({ path: z.string().optional(), verb: z.string().optional() }).optional(),
  }),
});

async function selfSubjectAccessReview(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, user: UserInfo): Promise<void> {
  const body = await readBody(req);
  let raw: unknown;
  if ((req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf')) {
    const decoded = decodeSsarProtobuf(body);
    if (!decoded.ok) return sendStatus(res, badRequest(decoded.message));
    raw = decoded.review;
  } else {
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      return sendStatus(res, badRequest('request body is not valid JSON'));
    }
  }
  const parsed = ssarSchema.safeParse(raw);
  if (!parsed.success) return sendStatus(res, badRequest(`invalid SelfSubjectAccessReview: ${parsed.error.message}`));
  const { resourceAttributes: ra, nonResourceAttributes: nra } = parsed.data.spec;
  const decision = ra
    ? authorize(ctx.policy, user, {
        resourceRequest: true,
        verb: ra.verb ?? '',
        apiGroup: ra.group ?? '',
        resource: ra.resource ?? '',
        subresource: ra.subresource ?? '',
        namespace: ra.namespace ?? '',
        name: ra.name ?? '',
      })
    : authorize(ctx.policy, user, { resourceRequest: false, verb: nra?.verb ?? '', path: nra?.path ?? '' });
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: parsed.data.spec,
    status: { allowed: decision.allowed, ...(decision.allowed ? { reason: `RBAC: allowed by ${decision.reason}` } : {}) },
  });
}

function list(ctx: RouteContext, type: ResourceType, info: ResourceRequestInfo, ns: string | undefined, url: URL, req: IncomingMessage, res: ServerResponse): void {
  let filter: (o: KubeObject) => boolean;
  try {
    filter = filterFrom(url, info.name);
  } catch (e) {
    if (e instanceof SelectorError) return sendStatus(res, badRequest(e.message));
    throw e;
  }
  const asTable = wantsTable(req.headers.accept);
  if (info.verb === 'watch') {
    return serveWatch(
      ctx.state,
      {
        resource: type.name,
        ...(ns !== undefined ? { namespace: ns } : {}),
        filter,
        resourceVersion: url.searchParams.get('resourceVersion'),
        allowBookmarks: url.searchParams.get('allowWatchBookmarks') === 'true',
        timeoutSeconds: Number(url.searchParams.get('timeoutSeconds') ?? 0) || 0,
        asTable,
        kind: type.kind,
        apiVersion: apiVersionOf(type),
      },
      req,
      res,
    );
  }
  const rv = ctx.state.resourceVersion;
  const items = ctx.state.list(type.name, ns).filter(filter);
  if (asTable) return sendJson(res, 200, toTable(type.name, items, rv));
  sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion: rv }, items });
}

export async function handleResource(
  ctx: RouteContext,
  info: ResourceRequestInfo,
  user: UserInfo,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const type = findResource(info.apiGroup, info.apiVersion, info.resource);
  if (!type || !fitsScope(info, type.namespaced)) return sendStatus(res, notFoundPath());
  if (type.name === 'selfsubjectaccessreviews') {
    if (info.verb !== 'create' || info.name) return sendStatus(res, methodNotAllowed());
    return selfSubjectAccessReview(ctx, req, res, user);
  }
  if (info.subresource !== '') {
    if (type.name === 'pods' && info.subresource === 'portforward') return sendStatus(res, badRequest('Upgrade request required'));
    return sendStatus(res, notFoundPath());
  }
  if (!type.verbs.includes(info.verb)) return sendStatus(res, methodNotAllowed());

  // undefined: all namespaces for a list, and no namespace for a cluster-scoped object (even `namespaces/<ns>` itself).
  const ns = type.namespaced && info.namespace !== '' ? info.namespace : undefined;
  if (info.verb === 'list' || info.verb === 'watch') return list(ctx, type, info, ns, url, req, res);

  const name = info.name;
  const current = ctx.state.get(type.name, ns, name);
  if (!current) return sendStatus(res, notFound(type.group, type.name, name));
  if (info.verb === 'get') {
    if (wantsTable(req.headers.accept)) return sendJson(res, 200, toTable(type.name, [current], current.metadata.resourceVersion ?? ''));
    return sendJson(res, 200, current);
  }
  if (info.verb === 'delete') {
    await readBody(req); // DeleteOptions: graceful termination is not modelled, the object goes at once.
    const gone = { ...current, metadata: { ...current.metadata, deletionTimestamp: kubeTimestamp() } };
    // Only pods and services advertise `delete`, and both go through their controller.
    if (type.name === 'pods') await ctx.deletePod(name);
    else await ctx.deleteService();
    return sendJson(res, 200, gone);
  }
  sendStatus(res, methodNotAllowed());
}
