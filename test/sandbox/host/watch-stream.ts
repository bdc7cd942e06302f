// A watch response: optional replay (current state or history since a resourceVersion), then live events as JSON
// lines, periodic BOOKMARKs when the client allows them, and an end at `timeoutSeconds`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterState, KubeObject, StoredEvent } from './cluster-state.ts';
import { failure } from '../common/status.ts';
import { toTable } from './table.ts';

export interface WatchRequest {
  resource: string;
  namespace?: string;
  filter: (o: KubeObject) => boolean;
  resourceVersion: string | null;
  allowBookmarks: boolean;
  timeoutSeconds: number;
  asTable: boolean;
  kind: string;
  apiVersion: string;
}

const BOOKMARK_INTERVAL_MS = 10_000;

export function serveWatch(state: ClusterState, w: WatchRequest, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();

  const wrap = (o: KubeObject): unknown => (w.asTable ? toTable(w.resource, [o], o.metadata.resourceVersion ?? '') : o);
  const write = (type: string, object: unknown): void => {
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const send = (e: StoredEvent): void => {
    if (w.filter(e.object)) write(e.type, wrap(e.object));
  };

  // Replay and subscription happen in one synchronous step, so no event can fall between them.
  const unsubscribe = state.subscribe({
    resource: w.resource,
    ...(w.namespace !== undefined ? { namespace: w.namespace } : {}),
    onEvent: send,
  });

  const rv = w.resourceVersion;
  if (rv === null || rv === '' || rv === '0') {
    for (const o of state.list(w.resource, w.namespace)) if (w.filter(o)) write('ADDED', wrap(o));
  } else {
    const since = Number(rv);
    const events = Number.isFinite(since) ? state.eventsSince(w.resource, since) : undefined;
    if (!events) {
      write('ERROR', failure(410, 'Expired', `too old resource version: ${rv} (${state.oldestResumable})`));
      unsubscribe();
      res.end();
      return;
    }
    events.forEach(send);
  }

  const bookmark = w.allowBookmarks
    ? setInterval(() => {
        write('BOOKMARK', { kind: w.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: state.resourceVersion } });
      }, BOOKMARK_INTERVAL_MS)
    : undefined;
  const timeout = w.timeoutSeconds > 0 ? setTimeout(finish, w.timeoutSeconds * 1000) : undefined;

  function finish(): void {
    unsubscribe();
    clearInterval(bookmark);
    clearTimeout(timeout);
    if (!res.writableEnded) res.end();
  }
  req.on('close', finish);
  res.on('close', finish);
}
