// The host's object store: one global resourceVersion counter (like etcd's revision), a bounded event history so a
// watch can resume from a resourceVersion, and fan-out of events to live watches.
import { randomUUID } from 'node:crypto';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<Record<string, unknown>>;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  rv: number;
  type: WatchEventType;
  resource: string;
  object: KubeObject;
}

export interface Watcher {
  resource: string;
  namespace?: string;
  onEvent(e: StoredEvent): void;
}

const HISTORY_LIMIT = 2000;

/** RFC 3339 at second precision, as Kubernetes writes timestamps. */
export function kubeTimestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ClusterState {
  private rv = 1000;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoredEvent[] = [];
  private readonly watchers = new Set<Watcher>();

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Oldest resourceVersion a watch may still resume from. */
  get oldestResumable(): number {
    return this.history[0]?.rv ?? this.rv;
  }

  list(resource: string, namespace?: string): KubeObject[] {
    const all = [...(this.objects.get(resource)?.values() ?? [])];
    return all
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .map((o) => structuredClone(o));
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(resource)?.get(key(namespace, name));
    return o && structuredClone(o);
  }

  create(resource: string, obj: KubeObject): KubeObject {
    const m = obj.metadata;
    const stored: KubeObject = structuredClone(obj);
    stored.metadata = { ...m, uid: m.uid ?? randomUUID(), creationTimestamp: m.creationTimestamp ?? kubeTimestamp() };
    return this.commit('ADDED', resource, stored);
  }

  update(resource: string, obj: KubeObject): KubeObject {
    return this.commit('MODIFIED', resource, structuredClone(obj));
  }

  delete(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const current = this.objects.get(resource)?.get(key(namespace, name));
    if (!current) return undefined;
    return this.commit('DELETED', resource, structuredClone(current));
  }

  /** Events after `sinceRv` for one resource, or undefined when history no longer reaches back that far. */
  eventsSince(resource: string, sinceRv: number): StoredEvent[] | undefined {
    if (sinceRv < this.oldestResumable - 1 && this.history.length >= HISTORY_LIMIT) return undefined;
    return this.history.filter((e) => e.rv > sinceRv && e.resource === resource);
  }

  subscribe(w: Watcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  private commit(type: WatchEventType, resource: string, obj: KubeObject): KubeObject {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    let bucket = this.objects.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(resource, bucket);
    }
    const k = key(obj.metadata.namespace, obj.metadata.name);
    if (type === 'DELETED') bucket.delete(k);
    else bucket.set(k, obj);
    const event: StoredEvent = { rv: this.rv, type, resource, object: structuredClone(obj) };
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    for (const w of this.watchers) {
      if (w.resource === resource && (w.namespace === undefined || w.namespace === obj.metadata.namespace)) w.onEvent(event);
    }
    return structuredClone(obj);
  }
}
