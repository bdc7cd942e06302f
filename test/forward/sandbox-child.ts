// The sandbox in its own process, for the benchmark and the resource-use test (so its API server, hub pods and
// memory do not share an event loop or a heap with what is measured). Driven over the fork IPC channel.
import { startSandbox } from '../sandbox/index.ts';

const sb = await startSandbox({ rbac: false, pods: 1, podRestartDelayMs: 300 });

type Command = { id: number; op: 'pods' } | { id: number; op: 'deletePod'; name: string } | { id: number; op: 'waitForReadyPods'; count: number } | { id: number; op: 'stop' };

process.on('message', (msg: Command) => {
  const reply = (value: unknown) => process.send?.({ id: msg.id, value });
  const fail = (err: unknown) => process.send?.({ id: msg.id, error: String(err) });
  switch (msg.op) {
    case 'pods':
      return reply(sb.pods());
    case 'deletePod':
      return void sb.deletePod(msg.name).then(() => reply(null), fail);
    case 'waitForReadyPods':
      return void sb.waitForReadyPods(msg.count, 20_000).then(reply, fail);
    case 'stop':
      return void sb.stop().then(() => {
        reply(null);
        process.exit(0);
      });
  }
});
process.send?.({ ready: true, kubeconfigPath: sb.kubeconfigPath, server: sb.server });
