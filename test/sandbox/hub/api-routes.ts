import type { IncomingMessage, ServerResponse } from 'node:http';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { z } from 'zod';
import { badRequest, failure, invalid, methodNotAllowed, notFound, notFoundPath, unsupportedMediaType, type KubeStatus } from '../common/status.ts';
import { sendJson, sendStatus, readBody } from './http-util.ts';
import { apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import { decodeKubeProtobuf, PROTOBUF_CONTENT_TYPE } from './protobuf.ts';
import type { ResourceRequestInfo } from './request-info.ts';
import { apiVersionOf, findResource, type ResourceDef } from './resources.ts';
import { incomingObject, kubeTime, type HubStore, type IncomingObject, type KubeObject } from './state.ts';
import { matchesSelectors } from './selectors.ts';
import { toTable, wantsTable } from './tables.ts';
import { serveWatch } from './watch.ts';
import { DEFAULT_EXPIRATION_SECONDS, MIN_EXPIRATION_SECONDS, type TokenSigner } from './tokens.ts';

const { applyPatch } = fastJsonPatch;

export interface ApiContext {
  store: HubStore;
  signer: TokenSigner;
  maxTokenExpirationSeconds: number;
  now(): Date;
}

const tokenRequestBody = z
  .object({
    spec: z
      .object({
        audiences: z.array(z.string()).nullish(),
        expirationSeconds: z.number().int().nullish(),
        boundObjectRef: z.unknown().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; status: KubeStatus };

function contentTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? '';
}

async function decodeBody(req: IncomingMessage): Promise<Decoded> {
  const contentType = contentTypeOf(req);
  const body = await readBody(req);
  if (contentType === PROTOBUF_CONTENT_TYPE) {
    const d = decodeKubeProtobuf(body);
    return d.ok ? { ok: true, value: d.object } : { ok: false, status: badRequest(d.message) };
  }
  if (!['application/json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'].includes(contentType)) {
    return { ok: false, status: unsupportedMediaType(contentType) };
  }
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, status: badRequest('the request body must be a JSON object') };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    return { ok: false, status: badRequest(`the request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

function parseObject(def: ResourceDef, value: Record<string, unknown>): { ok: true; object: IncomingObject } | { ok: false; status: KubeStatus } {
  const parsed = incomingObject.safeParse(value);
  if (!parsed.success) return { ok: false, status: badRequest(`the ${def.kind} in the request body is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`) };
  const o = parsed.data;
  if (o.kind && o.kind !== def.kind) return { ok: false, status: badRequest(`the body is a ${o.kind}, but this URL takes a ${def.kind}`) };
  return { ok: true, object: o };
}

const jsonPatchOps = z.array(z.object({ op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']), path: z.string() }).loose());

/** Applies a PATCH body to `current`: JSON Patch (client-node's default), merge or strategic merge patch (kubectl's). */
async function patched(req: IncomingMessage, current: KubeObject): Promise<Decoded> {
  if (contentTypeOf(req) !== 'application/json-patch+json') {
    const decoded = await decodeBody(req);
    return decoded.ok ? { ok: true, value: mergePatch(current, decoded.value) as Record<string, unknown> } : decoded;
  }
  let ops: unknown;
  try {
    ops = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (e) {
    return { ok: false, status: badRequest(`the JSON patch is not valid JSON: ${e instanceof Error ? e.message : String(e)}`) };
  }
  const parsed = jsonPatchOps.safeParse(ops);
  if (!parsed.success) return { ok: false, status: badRequest('a JSON patch must be a list of operations with "op" and "path"') };
  try {
    const result = applyPatch(structuredClone(current), parsed.data as Operation[], true, false).newDocument;
    return { ok: true, value: result as Record<string, unknown> };
  } catch (e) {
    return { ok: false, status: failure(422, 'Invalid', `the JSON patch could not be applied: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** RFC 7386 merge patch; kubectl's strategic merge patches of the kinds served here behave the same for scalar fields. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function isDryRun(url: URL): boolean {
  return url.searchParams.getAll('dryRun').includes('All');
}

async function tokenRequest(req: IncomingMessage, res: ServerResponse, info: ResourceRequestInfo, ctx: ApiContext, saDef: ResourceDef): Promise<void> {
  if (info.verb !== 'create') return sendStatus(res, methodNotAllowed());
  const sa = ctx.store.get(saDef, info.namespace, info.name);
  if (!sa) return sendStatus(res, notFound('', 'serviceaccounts', info.name));
  const decoded = await decodeBody(req);
  if (!decoded.ok) return sendStatus(res, decoded.status);
  const parsed = tokenRequestBody.safeParse(decoded.value);
  if (!parsed.success) return sendStatus(res, badRequest('the TokenRequest in the request body is malformed'));
  const spec = parsed.data.spec ?? {};
  let seconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (seconds < MIN_EXPIRATION_SECONDS) {
    // The same Invalid the Kubernetes TokenRequest REST storage returns (its validation error, name left empty).
    return sendStatus(res, invalid('authentication.k8s.io', 'TokenRequest', '', [
      { reason: 'FieldValueInvalid', message: `Invalid value: ${seconds}: may not specify a duration less than 10 minutes`, field: 'spec.expirationSeconds' },
    ]));
  }
  if (seconds > 2 ** 32) {
    return sendStatus(res, invalid('authentication.k8s.io', 'TokenRequest', '', [
      { reason: 'FieldValueTooLong', message: `Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`, field: 'spec.expirationSeconds' },
    ]));
  }
  // Like `--service-account-max-token-expiration`: a longer request is shortened, not refused.
  seconds = Math.min(seconds, ctx.maxTokenExpirationSeconds);
  const now = ctx.now();
  const audiences = spec.audiences ?? [];
  const issued = await ctx.signer.issue({ namespace: info.namespace, name: info.name, uid: sa.metadata.uid }, audiences, seconds, now);
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: info.name, namespace: info.namespace, creationTimestamp: kubeTime(now) },
    spec: { audiences: audiences.length > 0 ? audiences : ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: seconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: issued.token, expirationTimestamp: kubeTime(issued.expiresAt) },
  });
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
  if (!def || (info.namespace && !def.namespaced && def.kind !== 'Namespace')) return sendStatus(res, notFoundPath());
  const ns = def.namespaced ? info.namespace || undefined : undefined;
  const name = def.kind === 'Namespace' ? info.namespace || info.name : info.name;

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
      return serveWatch(req, res, url, def, ns, store, ctx.now);
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
