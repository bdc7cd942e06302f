// The sandbox as a library: a Karpor hub plus the host cluster that runs it, on random loopback ports.
import { createHub } from './hub/index.ts';
import type { Hub } from './hub/index.ts';
import { startHostCluster } from './host/host-cluster.ts';
import type { HostCluster } from './host/host-cluster.ts';

export interface SandboxOptions {
  rbac?: boolean;
  /** Replicas of karpor-server (default 1). */
  pods?: number;
  maxTokenExpirationSeconds?: number;
  dashboardDir?: string;
  /** Delay before a replacement pod becomes Ready (default 300). */
  podRestartDelayMs?: number;
  /** Cut a port-forward connection idle this long, like a load balancer (0 = never, the default). */
  streamIdleTimeoutMs?: number;
  /** Where to write the host kubeconfig (default: a file in a fresh temp dir). */
  kubeconfigOut?: string;
}

export interface Sandbox extends HostCluster {
  hub: Hub;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const hub = await createHub({
    ...(opts.rbac !== undefined ? { rbac: opts.rbac } : {}),
    ...(opts.maxTokenExpirationSeconds !== undefined ? { maxTokenExpirationSeconds: opts.maxTokenExpirationSeconds } : {}),
    ...(opts.dashboardDir !== undefined ? { dashboardDir: opts.dashboardDir } : {}),
  });
  let host: HostCluster;
  try {
    host = await startHostCluster(hub, opts);
  } catch (err) {
    await hub.stop();
    throw err;
  }
  return {
    ...host,
    hub,
    stop: async () => {
      await host.stop();
      await hub.stop();
    },
  };
}
