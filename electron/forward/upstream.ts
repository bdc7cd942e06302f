// What a data plane needs to reach the API server: its URL and, per connection, fresh TLS material
// and headers from the kubeconfig (exec plugins and tokens refresh there, in the main thread).
import type { Agent } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';

/** TLS material and headers for one upstream connection; everything but `agent` can cross to a worker. */
export interface UpstreamConnectOptions {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  pfx?: string | Buffer;
  passphrase?: string;
  servername?: string;
  rejectUnauthorized?: boolean;
  headers: Record<string, string>;
  /** Only with a proxy-url in the kubeconfig. */
  agent?: Agent;
}

export interface UpstreamSource {
  /** The API server's base URL, without a trailing slash. */
  server: string;
  /** The kubeconfig routes through a proxy (client-node's agent), which only works in this thread. */
  proxied: boolean;
  connectOptions(): Promise<UpstreamConnectOptions>;
}

const MATERIAL = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'servername', 'rejectUnauthorized'] as const;

export function upstreamFromKubeConfig(kc: KubeConfig): UpstreamSource {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`The kubeconfig context "${kc.getCurrentContext()}" has no cluster`);
  return {
    server: cluster.server.replace(/\/+$/, ''),
    proxied: Boolean(cluster.proxyUrl),
    async connectOptions() {
      const o: Record<string, unknown> & { headers: Record<string, string> } = { headers: {} };
      // Per connection, so credentials from exec plugins are fresh when one is made.
      await kc.applyToHTTPSOptions(o);
      return toConnectOptions(o, Boolean(cluster.proxyUrl));
    },
  };
}

/** Picks what a TLS connection needs from client-node's request options (which carry much more). */
function toConnectOptions(o: Record<string, unknown> & { headers: Record<string, string> }, proxied: boolean): UpstreamConnectOptions {
  const out: UpstreamConnectOptions = { headers: { ...o.headers } };
  for (const k of MATERIAL) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    Object.assign(out, { [k]: v });
  }
  // client-node always makes an agent; only a proxy needs it (without one, TLS options suffice).
  if (proxied && o.agent && typeof o.agent === 'object') out.agent = o.agent as Agent;
  return out;
}
