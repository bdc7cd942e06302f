// The hub kubeconfig (what Karpor's cert-generator writes into ConfigMap karpor-kubeconfig, or a file an
// admin exported): validated, reduced to what we need, and turned into a private client-node KubeConfig.
import { KubeConfig } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail } from './errors.ts';

const clusterEntry = z.object({
  name: z.string().min(1),
  cluster: z.object({ server: z.url({ protocol: /^https?$/ }) }).loose(),
});
const userEntry = z.object({
  name: z.string().min(1),
  user: z
    .object({
      'client-certificate-data': z.string().min(1).optional(),
      'client-key-data': z.string().min(1).optional(),
      token: z.string().min(1).optional(),
    })
    .loose(),
});
const contextEntry = z.object({ name: z.string().min(1), context: z.object({ cluster: z.string(), user: z.string() }).loose() });

const hubKubeconfigSchema = z
  .object({
    clusters: z.array(clusterEntry).length(1, 'the hub kubeconfig must name exactly one cluster (the Karpor hub)'),
    users: z.array(userEntry).min(1, 'the hub kubeconfig has no user'),
    contexts: z.array(contextEntry).optional(),
    'current-context': z.string().optional(),
  })
  .loose();

export type HubUser = { kind: 'cert'; certData: string; keyData: string } | { kind: 'token'; token: string };

export interface HubCredentials {
  /** The server written in the kubeconfig, e.g. https://karpor-server.karpor.svc:7443 or a LoadBalancer URL. */
  server: string;
  user: HubUser;
}

/**
 * Errors name the field that is wrong, never its value: a kubeconfig holds keys and tokens.
 * `origin` says where the text came from ("ConfigMap karpor/karpor-kubeconfig" or a file path).
 */
export function parseHubKubeconfig(text: string, origin: string): HubCredentials {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    throw fail('KUBECONFIG_INVALID', `${origin} is not valid YAML`, 'Export it again with the kubectl command shown.');
  }
  const parsed = hubKubeconfigSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw fail('KUBECONFIG_INVALID', `${origin} is not a usable hub kubeconfig${where}: ${issue?.message ?? 'invalid'}`);
  }
  const cfg = parsed.data;
  const ctx = cfg.contexts?.find((c) => c.name === cfg['current-context']) ?? cfg.contexts?.[0];
  const userEntryFound = (ctx ? cfg.users.find((u) => u.name === ctx.context.user) : undefined) ?? cfg.users[0];
  const u = userEntryFound.user;
  let user: HubUser;
  if (u['client-certificate-data'] && u['client-key-data']) {
    user = { kind: 'cert', certData: u['client-certificate-data'], keyData: u['client-key-data'] };
  } else if (u.token) {
    user = { kind: 'token', token: u.token };
  } else {
    throw fail(
      'KUBECONFIG_INVALID',
      `${origin}: user "${userEntryFound.name}" has neither client-certificate-data with client-key-data nor a token`,
      'Karpor’s own hub kubeconfig carries an embedded client certificate; file paths and exec plugins are not supported here.',
    );
  }
  return { server: cfg.clusters[0].cluster.server, user };
}

/**
 * The hub's in-cluster name only resolves inside the cluster; such a server is reached through the forward.
 * Any other address (a LoadBalancer, an Ingress) is reached directly.
 */
export function needsForward(server: string): boolean {
  const host = new URL(server).hostname;
  return host.endsWith('.svc') || host.endsWith('.svc.cluster.local') || (!host.includes('.') && host !== 'localhost');
}

/**
 * A private KubeConfig for the hub at `server`. KubeConfig entries are read-only, so we build a new one.
 * TLS verification is skipped as in Karpor's own kubeconfig: the hub regenerates a self-signed certificate
 * at every start and publishes no CA, so there is nothing stable to verify against; through the forward the
 * hop to the pod runs inside the authenticated Kubernetes API connection anyway.
 */
export function deriveHubKubeConfig(creds: HubCredentials, server: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'karpor', server, skipTLSVerify: true }],
    users: [creds.user.kind === 'cert' ? { name: 'karpor', certData: creds.user.certData, keyData: creds.user.keyData } : { name: 'karpor', token: creds.user.token }],
    contexts: [{ name: 'karpor', cluster: 'karpor', user: 'karpor' }],
    currentContext: 'karpor',
  });
  return kc;
}
