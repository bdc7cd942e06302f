import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure } from '../common/status.ts';
import { apiVersionOf, type ResourceDef } from './resources.ts';
import { matchesSelectors } from './selectors.ts';
import type { HubStore, KubeObject, StoreEvent } from './state.ts';
import { toTable, wantsTable } from './tables.ts';

/**
 * A Kubernetes watch: newline-delimited JSON events on one long response. Without a resourceVersion (or "0") it
 * starts with a synthetic ADDED per existing object, as the API server does; with one it resumes after it.
 * A `name` (from the old `/watch/.../NAME` path) narrows it to that object.
 */
export function serveWatch(req: IncomingMessage, res: ServerResponse, url: URL, def: ResourceDef, namespace: string | undefined, name: string, store: HubStore, now: () => Date): void {
  const params = url.searchParams;
  const rvParam = params.get('resourceVersion') ?? '';
  const matches = (o: KubeObject): boolean =>
    o.kind === def.kind && o.apiVersion === apiVersionOf(def) && (!namespace || o.metadata.namespace === namespace) && (!name || o.metadata.name === name) && matchesSelectors(o, params);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  // Clients (client-node's Watch) consider the watch open once headers arrive, which may be long before any event.
  res.flushHeaders();
  // kubectl get -w asks for Tables: each event then carries a one-row Table, as the API server sends.
  const asTable = wantsTable(req.headers.accept);
  const write = (type: string, object: unknown): void => {
    const o = asTable && type !== 'ERROR' ? toTable(def.kind, [object as KubeObject], (object as KubeObject).metadata.resourceVersion, now()) : object;
    res.write(`${JSON.stringify({ type, object: o })}\n`);
  };

  const fresh = rvParam === '' || rvParam === '0';
  const since = fresh ? Number(store.resourceVersion) : Number(rvParam);
  const send = (e: StoreEvent): void => {
    if (matches(e.object)) write(e.type, e.object);
  };
  const sub = Number.isFinite(since) ? store.watch(since, send) : undefined;
  if (!sub) {
    write('ERROR', failure(410, 'Expired', `too old resource version: ${rvParam} (${store.resourceVersion})`));
    res.end();
    return;
  }
  if (fresh) for (const o of store.list(def, namespace)) if (matches(o)) write('ADDED', o);
  for (const e of sub.backlog) send(e);

  const timeoutSeconds = Number(params.get('timeoutSeconds') ?? 0);
  const timer = timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined;
  const stop = (): void => {
    sub.stop();
    if (timer) clearTimeout(timer);
  };
  res.once('close', stop);
  req.once('close', stop);
}
