import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { alreadyExists, conflict, invalid, notFound, type KubeStatus, type StatusCause } from '../common/status.ts';
import { PRESET_CLUSTER_ROLE_BINDINGS, PRESET_CLUSTER_ROLES, PRESET_NAMESPACES } from './presets.ts';
import type { Binding, Policy, PolicyRule } from './rbac.ts';
import { bindingSchema, defaults, roleSchema, validateSpecific } from './validation.ts';
import { apiVersionOf, nameProblem, RESOURCES, type ResourceDef } from './resources.ts';

/** What a client may send as an object; the rest of the body is kept as given. */
const incomingMeta = z
  .object({
    name: z.string().optional(),
    generateName: z.string().optional(),
    namespace: z.string().optional(),
    labels: z.record(z.string(), z.string()).nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
    resourceVersion: z.string().optional(),
  })
  .loose();
export const incomingObject = z.object({ apiVersion: z.string().optional(), kind: z.string().optional(), metadata: incomingMeta.optional() }).loose();
export type IncomingObject = z.infer<typeof incomingObject>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  object: KubeObject;
  /** Numeric resourceVersion of the change. */
  rv: number;
}

/** How many past changes a watch may resume from; older resourceVersions get 410 Gone like an etcd compaction. */
const EVENT_LOG_SIZE = 1000;

export type Outcome = { ok: true; object: KubeObject } | { ok: false; status: KubeStatus };

/** RFC 3339 without fractional seconds, as Kubernetes writes timestamps. */
export function kubeTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function key(def: ResourceDef, namespace: string | undefined, name: string): string {
  return `${def.group}/${def.resource}/${def.namespaced ? (namespace ?? '') : ''}/${name}`;
}

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 5; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** The hub's shared object store: one per hub, shared by all its pods like replicas sharing etcd. */
export class HubStore {
  readonly #objects = new Map<string, KubeObject>();
  #resourceVersion = 0;
  readonly #now: () => Date;
  readonly #log: StoreEvent[] = [];
  readonly #listeners = new Set<(e: StoreEvent) => void>();

  constructor(now: () => Date) {
    this.#now = now;
    const ns = RESOURCES.find((r) => r.kind === 'Namespace');
    const cr = RESOURCES.find((r) => r.kind === 'ClusterRole');
    const crb = RESOURCES.find((r) => r.kind === 'ClusterRoleBinding');
    if (!ns || !cr || !crb) throw new Error('resource table lacks Namespace/ClusterRole/ClusterRoleBinding');
    for (const name of PRESET_NAMESPACES) this.#insert(ns, undefined, { metadata: { name }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    for (const role of PRESET_CLUSTER_ROLES) this.#insert(cr, undefined, { metadata: { name: role.name }, rules: role.rules });
    for (const b of PRESET_CLUSTER_ROLE_BINDINGS) {
      this.#insert(crb, undefined, {
        metadata: { name: b.name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: b.role },
        subjects: b.subjects.map((s) => ({ kind: s.kind, apiGroup: 'rbac.authorization.k8s.io', name: s.name })),
      });
    }
  }

  get resourceVersion(): string {
    return String(this.#resourceVersion);
  }

  #insert(def: ResourceDef, namespace: string | undefined, body: IncomingObject & { metadata: { name: string } }): KubeObject {
    const metadata: ObjectMeta = {
      ...body.metadata,
      name: body.metadata.name,
      ...(def.namespaced ? { namespace } : {}),
      uid: randomUUID(),
      resourceVersion: String(++this.#resourceVersion),
      creationTimestamp: kubeTime(this.#now()),
    };
    if (!def.namespaced) delete metadata.namespace;
    for (const k of ['labels', 'annotations'] as const) if (metadata[k] === null) delete metadata[k];
    const object: KubeObject = { ...body, apiVersion: apiVersionOf(def), kind: def.kind, metadata };
    this.#objects.set(key(def, namespace, metadata.name), object);
    this.#emit('ADDED', object);
    return object;
  }

  #remove(k: string, o: KubeObject): void {
    this.#objects.delete(k);
    this.#emit('DELETED', { ...o, metadata: { ...o.metadata, resourceVersion: String(++this.#resourceVersion) } });
  }

  #emit(type: WatchEventType, object: KubeObject): void {
    const event: StoreEvent = { type, object, rv: Number(object.metadata.resourceVersion) };
    this.#log.push(event);
    if (this.#log.length > EVENT_LOG_SIZE) this.#log.shift();
    for (const l of this.#listeners) l(event);
  }

  /**
   * Changes after `sinceRv`, then every later change as it happens. Returns undefined when `sinceRv` is older than
   * the retained history (the caller answers 410 Gone, and the client relists).
   */
  watch(sinceRv: number, listener: (e: StoreEvent) => void): { backlog: StoreEvent[]; stop(): void } | undefined {
    const oldest = this.#log[0];
    if (oldest && sinceRv < oldest.rv - 1 && this.#log.length >= EVENT_LOG_SIZE) return undefined;
    const backlog = this.#log.filter((e) => e.rv > sinceRv);
    this.#listeners.add(listener);
    return { backlog, stop: () => this.#listeners.delete(listener) };
  }

  list(def: ResourceDef, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const o of this.#objects.values()) {
      if (o.kind !== def.kind || o.apiVersion !== apiVersionOf(def)) continue;
      if (namespace && def.namespaced && o.metadata.namespace !== namespace) continue;
      out.push(o);
    }
    return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  }

  get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#objects.get(key(def, namespace, name));
  }

  #namespaceMissing(def: ResourceDef, namespace: string | undefined): KubeStatus | undefined {
    if (!def.namespaced) return undefined;
    const nsDef = RESOURCES.find((r) => r.kind === 'Namespace');
    if (nsDef && namespace && this.get(nsDef, undefined, namespace)) return undefined;
    return notFound('', 'namespaces', namespace ?? '');
  }

  create(def: ResourceDef, namespace: string | undefined, body: IncomingObject, dryRun = false): Outcome {
    const meta = body.metadata ?? {};
    const name = meta.name || (meta.generateName ? `${meta.generateName}${randomSuffix()}` : '');
    const causes: StatusCause[] = [];
    if (!name) causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
    const problem = name ? nameProblem(def.nameRule, name) : undefined;
    if (problem) causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${name}": ${problem}`, field: 'metadata.name' });
    if (def.namespaced && meta.namespace && meta.namespace !== namespace) {
      return { ok: false, status: { ...invalid(def.group, def.kind, name, [{ reason: 'FieldValueInvalid', message: `Invalid value: "${meta.namespace}": the namespace of the provided object does not match the namespace sent on the request`, field: 'metadata.namespace' }]), code: 400, reason: 'BadRequest' } };
    }
    causes.push(...validateSpecific(def, body));
    if (causes.length > 0) return { ok: false, status: invalid(def.group, def.kind, name, causes) };
    const nsMissing = this.#namespaceMissing(def, namespace);
    if (nsMissing) return { ok: false, status: nsMissing };
    if (this.get(def, namespace, name)) return { ok: false, status: alreadyExists(def.group, def.resource, name) };
    const { resourceVersion: _ignored, ...cleanMeta } = meta;
    const candidate = { ...body, ...defaults(def, body), metadata: { ...cleanMeta, name } };
    if (dryRun) return { ok: true, object: { ...candidate, apiVersion: apiVersionOf(def), kind: def.kind, metadata: { ...candidate.metadata, uid: randomUUID(), resourceVersion: '', creationTimestamp: kubeTime(this.#now()) } } };
    return { ok: true, object: this.#insert(def, namespace, candidate) };
  }

  update(def: ResourceDef, namespace: string | undefined, name: string, body: IncomingObject): Outcome {
    const current = this.get(def, namespace, name);
    if (!current) return { ok: false, status: notFound(def.group, def.resource, name) };
    const meta = body.metadata ?? {};
    if (meta.name && meta.name !== name) {
      return { ok: false, status: { ...invalid(def.group, def.kind, name, [{ reason: 'FieldValueInvalid', message: `Invalid value: "${meta.name}": the name of the object does not match the name on the URL`, field: 'metadata.name' }]), code: 400, reason: 'BadRequest' } };
    }
    if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
      return { ok: false, status: conflict(def.group, def.resource, name, 'the object has been modified; please apply your changes to the latest version and try again') };
    }
    const causes = validateSpecific(def, body);
    if (causes.length > 0) return { ok: false, status: invalid(def.group, def.kind, name, causes) };
    if (def.kind === 'ClusterRoleBinding' || def.kind === 'RoleBinding') {
      const before = bindingSchema.parse(current).roleRef;
      const after = bindingSchema.parse(body).roleRef;
      if (before.apiGroup !== after.apiGroup || before.kind !== after.kind || before.name !== after.name) {
        return { ok: false, status: invalid(def.group, def.kind, name, [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(after)}: cannot change roleRef`, field: 'roleRef' }]) };
      }
    }
    const metadata: ObjectMeta = {
      ...current.metadata,
      ...meta,
      name,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      resourceVersion: String(++this.#resourceVersion),
    };
    if (def.namespaced) metadata.namespace = namespace;
    const object: KubeObject = { ...body, apiVersion: apiVersionOf(def), kind: def.kind, metadata };
    this.#objects.set(key(def, namespace, name), object);
    this.#emit('MODIFIED', object);
    return { ok: true, object };
  }

  delete(def: ResourceDef, namespace: string | undefined, name: string): Outcome {
    const current = this.get(def, namespace, name);
    if (!current) return { ok: false, status: notFound(def.group, def.resource, name) };
    this.#remove(key(def, namespace, name), current);
    if (def.kind === 'Namespace') {
      // A real namespace lingers in Terminating while its content goes; here it goes at once.
      for (const [k, o] of this.#objects) if (o.metadata.namespace === name) this.#remove(k, o);
    }
    return { ok: true, object: current };
  }

  /** The RBAC view of the store, rebuilt per request (the store is small). */
  policy(): Policy {
    const byKind = (kind: string) => RESOURCES.find((r) => r.kind === kind);
    const rulesOf = (o: KubeObject): PolicyRule[] => roleSchema.safeParse(o).data?.rules ?? [];
    const bindingOf = (o: KubeObject): Binding | undefined => {
      const b = bindingSchema.safeParse(o).data;
      return b ? { name: o.metadata.name, namespace: o.metadata.namespace, subjects: b.subjects ?? [], roleRef: b.roleRef } : undefined;
    };
    const cr = byKind('ClusterRole');
    const r = byKind('Role');
    const crb = byKind('ClusterRoleBinding');
    const rb = byKind('RoleBinding');
    if (!cr || !r || !crb || !rb) throw new Error('resource table lacks RBAC kinds');
    return {
      clusterRoles: new Map(this.list(cr).map((o) => [o.metadata.name, rulesOf(o)])),
      roles: new Map(this.list(r).map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, rulesOf(o)])),
      clusterRoleBindings: this.list(crb).flatMap((o) => bindingOf(o) ?? []),
      roleBindings: this.list(rb).flatMap((o) => bindingOf(o) ?? []),
    };
  }
}
