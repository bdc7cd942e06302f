// `npm run bench`: this forward side by side with a direct TLS connection to the hub pod (the
// limit) and real `kubectl port-forward svc/karpor-server`, against the sandbox. Not a test: it
// prints a table and writes bench/results.json. Sandbox, forward and kubectl each run in their
// own process; only the measuring clients run here.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SandboxProcess } from '../test/forward/sandbox-process.ts';
import { startBenchPaths, timedGet } from './bench-paths.ts';

const MiB = 1024 * 1024;
const DOWNLOAD_BYTES = Number(process.env.BENCH_DOWNLOAD_MIB ?? 256) * MiB;
const TTFB_SAMPLES = Number(process.env.BENCH_TTFB_SAMPLES ?? 200);
const PARALLEL = 64;
const PARALLEL_BYTES = 256 * 1024;
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

interface Row {
  name: string;
  throughputMiBps: number;
  ttfbMedianMs: number;
  ttfbP99Ms: number;
  parallel64Ms: number;
  recoveryMs?: number;
  recoveryAfterReadyMs?: number;
}

async function measure(name: string, port: number): Promise<Row> {
  // Warm-up: the first connection pays for lazy set-up everywhere.
  for (let i = 0; i < 5; i++) await timedGet(port, '/livez');
  const dl = await timedGet(port, `/bench/bytes?n=${DOWNLOAD_BYTES}`, 300_000);
  if (dl.bytes !== DOWNLOAD_BYTES) throw new Error(`${name}: download got ${dl.bytes} bytes`);
  const throughputMiBps = DOWNLOAD_BYTES / MiB / (dl.total / 1000);
  const ttfbs: number[] = [];
  for (let i = 0; i < TTFB_SAMPLES; i++) {
    ttfbs.push((await timedGet(port, '/livez')).ttfb);
    // A user clicks; connections do not arrive back to back. The pause also lets a warm stream refill.
    await new Promise((r) => setTimeout(r, 10));
  }
  const t0 = performance.now();
  const par = await Promise.all(Array.from({ length: PARALLEL }, () => timedGet(port, `/bench/bytes?n=${PARALLEL_BYTES}`)));
  const parallel64Ms = performance.now() - t0;
  if (par.some((r) => r.bytes !== PARALLEL_BYTES)) throw new Error(`${name}: a parallel request came back short`);
  const row = { name, throughputMiBps, ttfbMedianMs: percentile(ttfbs, 50), ttfbP99Ms: percentile(ttfbs, 99), parallel64Ms };
  console.error(`measured ${name}: ${JSON.stringify(row)}`);
  return row;
}

async function recovery(sb: SandboxProcess, port: number): Promise<{ recoveryMs: number; recoveryAfterReadyMs: number }> {
  const before = await sb.pods();
  const victim = before.find((p) => p.ready)?.name;
  if (!victim) throw new Error('no ready pod to delete');
  const t0 = performance.now();
  await sb.deletePod(victim);
  let readyAt = 0;
  void sb.waitForReadyPods(1).then(() => (readyAt = performance.now()));
  for (;;) {
    try {
      const r = await timedGet(port, '/livez', 2_000);
      if (r.status === 200) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - t0 > 60_000) throw new Error('forward did not recover within 60 s');
  }
  const done = performance.now();
  return { recoveryMs: done - t0, recoveryAfterReadyMs: readyAt ? done - readyAt : NaN };
}

const { sb, hubPort, forwardPort: fwdPort, kubectl, kubectlPort: kcPort, stop } = await startBenchPaths(
  process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/fwdprof'] : [],
);
try {
  const only = process.env.BENCH_ONLY; // e.g. "forward" while tuning; the README numbers come from a full run
  // The machine is shared: load comes and goes. Rounds rotate the order of the three paths and
  // every metric is the median over rounds, so no path is favoured by when it happened to run.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const paths = [
    { name: 'direct', port: hubPort },
    { name: 'forward', port: fwdPort },
    { name: 'kubectl', port: kcPort },
  ].filter((p) => !only || p.name === only);
  const samples = new Map<string, Row[]>();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < paths.length; i++) {
      const p = paths[(i + r) % paths.length];
      if (!p) continue;
      samples.set(p.name, [...(samples.get(p.name) ?? []), await measure(p.name, p.port)]);
    }
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const combine = (name: string): Row => {
    const xs = samples.get(name) ?? [];
    return {
      name,
      throughputMiBps: median(xs.map((x) => x.throughputMiBps)),
      ttfbMedianMs: median(xs.map((x) => x.ttfbMedianMs)),
      ttfbP99Ms: median(xs.map((x) => x.ttfbP99Ms)),
      parallel64Ms: median(xs.map((x) => x.parallel64Ms)),
    };
  };
  const direct = combine('direct');
  const forward = combine('forward');
  const kube = combine('kubectl');
  Object.assign(forward, await recovery(sb, fwdPort));
  // kubectl pinned the deleted pod when it started: does it come back on its own? (bounded wait)
  let kubectlRecovered = false;
  if (!only) {
    const until = performance.now() + 10_000;
    while (!kubectlRecovered && performance.now() < until && kubectl.exitCode === null) {
      kubectlRecovered = await timedGet(kcPort, '/livez', 2_000).then((r) => r.status === 200, () => false);
      if (!kubectlRecovered) await new Promise((r) => setTimeout(r, 200));
    }
  }

  const rows = [direct, forward, kube];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const ratios = {
    throughput: { forwardOverKubectl: ratio(forward.throughputMiBps, kube.throughputMiBps), forwardOverDirect: ratio(forward.throughputMiBps, direct.throughputMiBps) },
    ttfbMedian: { forwardOverKubectl: ratio(forward.ttfbMedianMs, kube.ttfbMedianMs), forwardOverDirect: ratio(forward.ttfbMedianMs, direct.ttfbMedianMs) },
    ttfbP99: { forwardOverKubectl: ratio(forward.ttfbP99Ms, kube.ttfbP99Ms), forwardOverDirect: ratio(forward.ttfbP99Ms, direct.ttfbP99Ms) },
    parallel64: { forwardOverKubectl: ratio(forward.parallel64Ms, kube.parallel64Ms), forwardOverDirect: ratio(forward.parallel64Ms, direct.parallel64Ms) },
  };
  const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(d));
  console.log(`\nmedian of ${rounds} rounds; ${DOWNLOAD_BYTES / MiB} MiB download, ${TTFB_SAMPLES} new-connection TTFB samples (GET /livez), ${PARALLEL} parallel x ${PARALLEL_BYTES / 1024} KiB`);
  console.log('path      MiB/s   TTFB p50 ms  TTFB p99 ms  64 parallel ms  recovery ms (after Ready)');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(9)} ${f(r.throughputMiBps).padStart(6)}  ${f(r.ttfbMedianMs, 2).padStart(11)}  ${f(r.ttfbP99Ms, 2).padStart(11)}  ${f(r.parallel64Ms, 0).padStart(14)}  ${r.recoveryMs === undefined ? '-' : `${f(r.recoveryMs, 0)} (${f(r.recoveryAfterReadyMs, 0)})`}`,
    );
  }
  console.log('ratios', JSON.stringify(ratios));
  console.log(`kubectl port-forward after the pod delete: ${kubectlRecovered ? 'recovered' : 'did not recover within 10 s'}`);
  const out = here('./results.json');
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rounds, downloadBytes: DOWNLOAD_BYTES, ttfbSamples: TTFB_SAMPLES, parallel: PARALLEL, parallelBytes: PARALLEL_BYTES, rows, ratios, kubectlRecoveredAfterPodDelete: kubectlRecovered, samples: Object.fromEntries(samples) }, null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  await stop();
}
