// `npm run bench:cpu`: where the CPU goes on each path: seconds of CPU each process (sandbox, this
// forward, kubectl, the measuring client) spends per GiB downloaded. On 2 shared cores, throughput is
// bounded by the sum, and by whichever single process needs most.
import { readFileSync } from 'node:fs';
import { startBenchPaths, timedGet } from './bench-paths.ts';

const N = Number(process.env.MIB ?? 1024) * 1024 * 1024;
/** utime + stime of a process, in seconds (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const { sb, hubPort, forward, forwardPort, kubectl, kubectlPort, stop } = await startBenchPaths();
try {
  const pids = { sandbox: sb.child.pid ?? 0, forward: forward.pid ?? 0, kubectl: kubectl.pid ?? 0, client: process.pid };
  for (const [name, port] of [['direct', hubPort], ['forward', forwardPort], ['kubectl', kubectlPort], ['forward', forwardPort], ['kubectl', kubectlPort]] as const) {
    await timedGet(port, '/livez');
    const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuSeconds(p)]));
    const t0 = performance.now();
    await timedGet(port, `/bench/bytes?n=${N}`, 600_000);
    const s = (performance.now() - t0) / 1000;
    const cpu = Object.entries(pids).map(([k, p]) => `${k} ${((cpuSeconds(p) - (before[k] ?? 0)) / (N / 2 ** 30)).toFixed(2)}`).join('  ');
    console.log(`${name.padEnd(8)} ${(N / 2 ** 20 / s).toFixed(0)} MiB/s  cpu s/GiB: ${cpu}`);
  }
} finally {
  await stop();
}
