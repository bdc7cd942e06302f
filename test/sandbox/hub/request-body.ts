import type { IncomingMessage } from 'node:http';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { z } from 'zod';
import { badRequest, failure, unsupportedMediaType, type KubeStatus } from '../common/status.ts';
import { readBody } from './http-util.ts';
import { decodeKubeProtobuf, PROTOBUF_CONTENT_TYPE } from './protobuf.ts';
import type { ResourceDef } from './resources.ts';
import { incomingObject, type IncomingObject, type KubeObject } from './state.ts';

/** Request bodies of the hub API: JSON, Kubernetes protobuf (kubectl's typed creates) and the three PATCH flavours. */

const { applyPatch } = fastJsonPatch;

export type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; status: KubeStatus };

function contentTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? '';
}

export async function decodeBody(req: IncomingMessage): Promise<Decoded> {
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

export function parseObject(def: ResourceDef, value: Record<string, unknown>): { ok: true; object: IncomingObject } | { ok: false; status: KubeStatus } {
  const parsed = incomingObject.safeParse(value);
  if (!parsed.success) return { ok: false, status: badRequest(`the ${def.kind} in the request body is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`) };
  const o = parsed.data;
  if (o.kind && o.kind !== def.kind) return { ok: false, status: badRequest(`the body is a ${o.kind}, but this URL takes a ${def.kind}`) };
  return { ok: true, object: o };
}

const jsonPatchOps = z.array(z.object({ op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']), path: z.string() }).loose());

/** Applies a PATCH body to `current`: JSON Patch (client-node's default), merge or strategic merge patch (kubectl's). */
export async function patched(req: IncomingMessage, current: KubeObject): Promise<Decoded> {
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

