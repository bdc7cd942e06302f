// A data plane in a worker thread. Why: Node allocates a fresh buffer for every TLS record it
// reads, and with a large heap (the app's main thread: Electron, client-node, our services) V8
// answers that churn with a full mark-compact every 64 MiB of traffic; in a heap of its own the
// same traffic costs about half the CPU (`npm run bench:cpu`), and bytes keep moving while the
// main thread is busy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DataPlane, DataPlaneOptions } from './data-plane.ts';
import { fromWire, toWire } from './data-plane-messages.ts';
import type { FromWorker, ToWorker, WorkerSettings } from './data-plane-messages.ts';
import type { UpstreamSource } from './upstream.ts';

/** Requests that carry an id and expect a reply, without the id. */
type Call = ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

/** The bundled worker next to the app's or the CLI's bundle; null when running from source. */
function bundledWorkerPath(): string | null {
  const here = import.meta.url;
  return here.endsWith('.ts') ? null : fileURLToPath(new URL('../data-plane/worker.cjs', here));
}

function startWorker(settings: WorkerSettings, bundle: string | null): Worker {
  if (!bundle) return new Worker(new URL('./data-plane-worker.ts', import.meta.url), { workerData: settings });
  // Read and evaluated rather than loaded by path: in the packaged app the bundle sits inside
  // app.asar, which only the main thread's fs can read.
  return new Worker(readFileSync(bundle, 'utf8'), { eval: true, workerData: settings });
}

export interface ThreadDataPlane extends DataPlane {
  readonly worker: Worker;
}

export function createThreadDataPlane(opts: DataPlaneOptions, workerBundle = bundledWorkerPath()): ThreadDataPlane {
  const { log, ...settings } = opts;
  const worker = startWorker(settings, workerBundle);
  let upstream: UpstreamSource | null = null;
  let nextId = 0;
  let gone: Error | null = null;
  let closing = false;
  const goneListeners: Array<(reason: string) => void> = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const post = (m: ToWorker) => {
    if (!gone) worker.postMessage(m);
  };
  const call = <T>(m: Call): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (v) => resolve(v as T), reject });
      worker.postMessage({ ...m, id } as ToWorker);
    });
  };
  const stop = (err: Error) => {
    if (gone) return;
    gone = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    if (!closing) for (const cb of goneListeners) cb(err.message);
  };

  worker.on('message', (m: FromWorker) => {
    if ('log' in m) return log(m.log.level, m.log.message);
    if ('ask' in m) {
      const id = m.ask;
      if (!upstream) return post({ answer: id, error: { message: 'no cluster connection' } });
      upstream.connectOptions().then(
        (value) => post({ answer: id, value }),
        (err: unknown) => post({ answer: id, error: toWire(err) }),
      );
      return;
    }
    const p = pending.get(m.reply);
    pending.delete(m.reply);
    if (m.error) p?.reject(fromWire(m.error));
    else p?.resolve(m.value);
  });
  worker.on('error', (err) => stop(new Error(`the forward's data thread failed: ${err.message}`)));
  worker.on('exit', (code) => stop(new Error(`the forward's data thread stopped (exit code ${code})`)));

  return {
    worker,
    listen: () => call<number>({ op: 'listen' }),
    async connect(source) {
      upstream = source;
      await call({ op: 'connect', server: source.server });
    },
    setRoute: (endpoint) => post({ op: 'setRoute', endpoint }),
    closePod: (pod) => call<number>({ op: 'closePod', pod }),
    probe: (endpoint, timeoutMs) => call({ op: 'probe', endpoint, timeoutMs }),
    onGone: (cb) => void goneListeners.push(cb),
    async close() {
      closing = true;
      // Resolves once the port is free and every connection is closed; the thread goes after.
      await call({ op: 'close' }).catch(() => undefined);
      stop(new Error('the forward was stopped'));
      void worker.terminate();
    },
  };
}
