// `npm run sandbox`: starts the sandbox, prints where its kubeconfig is, runs until SIGINT/SIGTERM.
import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { parseGoDurationSeconds } from './host/go-duration.ts';
import { startSandbox } from './index.ts';
import type { SandboxOptions } from './index.ts';

function nonNegativeInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

const program = new Command()
  .name('sandbox')
  .description('Local stand-in for a Kubernetes cluster running Karpor (host API server + karpor-server hub)')
  .option('--kubeconfig-out <file>', 'write the host kubeconfig here (default: a fresh temp dir)')
  .option('--rbac <on|off>', 'hub RBAC (off = Karpor default: allow all, ignore tokens)', (v) => {
    if (v !== 'on' && v !== 'off') throw new InvalidArgumentError(`--rbac takes "on" or "off", got "${v}"`);
    return v === 'on';
  })
  .option('--pods <n>', 'karpor-server replicas', nonNegativeInt('--pods'))
  .option('--max-token-expiration <duration>', 'hub --service-account-max-token-expiration, e.g. 8760h', (v) => {
    try {
      return parseGoDurationSeconds(v);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
    }
  })
  .option('--dashboard-dir <dir>', 'serve a real Karpor UI build from this directory')
  .option('--pod-restart-delay <ms>', 'delay before a replacement pod is Ready', nonNegativeInt('--pod-restart-delay'))
  .option('--stream-idle-timeout <ms>', 'cut port-forward connections idle this long (0 = never)', nonNegativeInt('--stream-idle-timeout'))
  .parse();

const o = program.opts<{
  kubeconfigOut?: string;
  rbac?: boolean;
  pods?: number;
  maxTokenExpiration?: number;
  dashboardDir?: string;
  podRestartDelay?: number;
  streamIdleTimeout?: number;
}>();

const opts: SandboxOptions = {
  ...(o.kubeconfigOut !== undefined ? { kubeconfigOut: resolve(o.kubeconfigOut) } : {}),
  ...(o.rbac !== undefined ? { rbac: o.rbac } : {}),
  ...(o.pods !== undefined ? { pods: o.pods } : {}),
  ...(o.maxTokenExpiration !== undefined ? { maxTokenExpirationSeconds: o.maxTokenExpiration } : {}),
  ...(o.dashboardDir !== undefined ? { dashboardDir: resolve(o.dashboardDir) } : {}),
  ...(o.podRestartDelay !== undefined ? { podRestartDelayMs: o.podRestartDelay } : {}),
  ...(o.streamIdleTimeout !== undefined ? { streamIdleTimeoutMs: o.streamIdleTimeout } : {}),
};

// Handlers go in before the (sub-second) start so a signal during start-up still ends in a clean stop.
let stopping = false;
const started = startSandbox(opts);
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`sandbox: ${signal}, stopping`);
  await (await started).stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const sandbox = await started;
if (!stopping) console.log(`sandbox ready kubeconfig=${sandbox.kubeconfigPath}`);
