// `npm run bench:cpu`: where the CPU goes on each path: seconds of CPU each process (sandbox, this
// forward, kubectl, the measuring client) spends per GiB downloaded. On 2 shared cores, throughput is
// bounded by the sum, and by whichever single process needs most.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { startSandboxProcess } from '../test/forward/sandbox-process.ts';
import { anyFreePort } from '../electron/forward/local-port.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const N = Number(process.env.MIB ?? 1024) * 1024 * 1024;
/** utime + stime of a process, in seconds (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const get = (port: number, path: string) => new Promise<number>((resolve, reject) => {
  let n = 0;
  https.get({ host: '127.0.0.1', port, path, rejectUnauthorized: false, agent: false }, (res) => { res.on('data', (c: Buffer) => (n += c.length)); res.on('end', () => resolve(n)); }).on('error', reject);
});
const wait = (c: ChildProcess, re: RegExp) =>
  new Promise<void>((resolve, reject) => {
    let b = '';
    const timer = setTimeout(() => reject(new Error(`no ${re} within 20 s: ${b.slice(-300)}`)), 20_000);
    c.stdout?.on('data', (d: Buffer) => {
      b += d;
      if (re.test(b)) resolve(clearTimeout(timer));
    });
    c.once('exit', (code) => reject(new Error(`exited (${code}) before ${re}: ${b.slice(-300)}`)));
  });
const sb = await startSandboxProcess();
await sb.waitForReadyPods(1);
const hubPort = (await sb.pods())[0]?.hubPort ?? 0;
const fwdPort = await anyFreePort();
const fwd = spawn(process.execPath, [here('./forward-child.ts'), sb.kubeconfigPath, String(fwdPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
await wait(fwd, /"status":"ready"/);
const kcPort = await anyFreePort();
const kc = spawn('kubectl', ['--kubeconfig', sb.kubeconfigPath, 'port-forward', '-n', 'karpor', 'svc/karpor-server', `${kcPort}:7443`], { stdio: ['ignore', 'pipe', 'inherit'] });
await wait(kc, /Forwarding from/);
try {
  const pids = { sandbox: sb.child.pid ?? 0, forward: fwd.pid ?? 0, kubectl: kc.pid ?? 0, client: process.pid };
  for (const [name, port] of [['direct', hubPort], ['forward', fwdPort], ['kubectl', kcPort], ['forward', fwdPort], ['kubectl', kcPort]] as const) {
    await get(port, '/livez');
    const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuSeconds(p)]));
    const t0 = performance.now();
    await get(port, `/bench/bytes?n=${N}`);
    const s = (performance.now() - t0) / 1000;
    const cpu = Object.entries(pids).map(([k, p]) => `${k} ${((cpuSeconds(p) - (before[k] ?? 0)) / (N / 2 ** 30)).toFixed(2)}`).join('  ');
    console.log(`${name.padEnd(8)} ${(N / 2 ** 20 / s).toFixed(0)} MiB/s  cpu s/GiB: ${cpu}`);
  }
} finally {
  fwd.kill();
  kc.kill();
  await sb.stop();
}
