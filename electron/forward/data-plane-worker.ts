// Entry of a data-plane worker: the local listener and upstream sessions of one forward, in a
// thread (and heap) of their own. Credentials stay in the main thread and are asked for per
// upstream connection.
import { parentPort, workerData } from 'node:worker_threads';
import { createLocalDataPlane } from './data-plane.ts';
import { fromWire, toWire } from './data-plane-messages.ts';
import type { FromWorker, ToWorker, WorkerSettings } from './data-plane-messages.ts';
import type { UpstreamConnectOptions } from './upstream.ts';

const port = parentPort;
if (!port) throw new Error('data-plane-worker.ts runs only as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);
const settings = workerData as WorkerSettings;

let nextAsk = 0;
const asked = new Map<number, { resolve: (o: UpstreamConnectOptions) => void; reject: (e: Error) => void }>();
const connectOptions = () =>
  new Promise<UpstreamConnectOptions>((resolve, reject) => {
    const id = nextAsk++;
    asked.set(id, { resolve, reject });
    send({ ask: id });
  });

const plane = createLocalDataPlane({ ...settings, log: (level, message) => send({ log: { level, message } }) });

port.on('message', (m: ToWorker) => {
  if ('answer' in m) {
    const waiter = asked.get(m.answer);
    asked.delete(m.answer);
    if (m.value) waiter?.resolve(m.value);
    else waiter?.reject(fromWire(m.error ?? { message: 'no credentials' }));
    return;
  }
  if (m.op === 'setRoute') return plane.setRoute(m.endpoint);
  const run = (): Promise<unknown> => {
    switch (m.op) {
      case 'listen':
        return plane.listen();
      case 'connect':
        return plane.connect({ server: m.server, proxied: false, connectOptions });
      case 'closePod':
        return plane.closePod(m.pod);
      case 'probe':
        return plane.probe(m.endpoint, m.timeoutMs);
      case 'close':
        return plane.close();
    }
  };
  run().then(
    (value) => send({ reply: m.id, value }),
    (err: unknown) => send({ reply: m.id, error: toWire(err) }),
  );
});
