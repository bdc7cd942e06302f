// How we reach the Karpor hub: credentials from ConfigMap karpor-kubeconfig on the host cluster (read only,
// never written: karpor-syncer mounts it) or from an imported file, and a private KubeConfig pointing at the
// local forward. Credentials live in this object's memory only.
import { readFile } from 'node:fs/promises';
import { CoreV1Api, RbacAuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';
import { deriveHubKubeConfig, needsForward, parseHubKubeconfig, type HubCredentials } from './hub-credentials.ts';
import { apiStatus, toAppError } from './hub-errors.ts';
import { AppError, fail } from './errors.ts';
import { RBAC_OFF_NOTICE, readRbacEnabled } from './server-configs.ts';

export interface ConfigMapRef {
  namespace: string;
  name: string;
}
export const DEFAULT_CONFIGMAP: ConfigMapRef = { namespace: 'karpor', name: 'karpor-kubeconfig' };

/** A way to the hub through the forward; `release` closes it when it was opened only for this call. */
export interface HubEndpoint {
  server: string;
  release(): Promise<void>;
}

export interface HubConnectionDeps {
  /** Kubeconfig of the cluster Karpor runs in (the active profile's context). */
  hostKubeConfig(): Promise<KubeConfig>;
  /** Where the hub kubeconfig lives (asked at every read: it follows the active profile). */
  configMap?: () => ConfigMapRef;
  /** The running forward, or a temporary one (CLI). Throws UNAVAILABLE when neither is possible. */
  forward(): Promise<HubEndpoint>;
  /** Which hub this is, for the vault (the profile id). */
  hubId(): string;
}

export interface HubSession {
  hubId: string;
  server: string;
  kc: KubeConfig;
  core: CoreV1Api;
  rbac: RbacAuthorizationV1Api;
}

export interface HubStatus {
  source: 'configmap' | 'file';
  /** Where the credentials came from: "ConfigMap karpor/karpor-kubeconfig" or the imported file's path. */
  origin: string;
  /** The URL the app talks to (the local forward, or the address in an imported file). */
  server: string;
  viaForward: boolean;
  rbacEnabled: boolean;
  notice: string | null;
}

export function exportCommand(ref: ConfigMapRef): string {
  return `kubectl get configmap ${ref.name} -n ${ref.namespace} -o go-template='{{.data.config}}' > karpor-hub.kubeconfig`;
}

export interface HubConnection {
  status(): Promise<HubStatus>;
  importHubKubeconfig(path: string): Promise<HubStatus>;
  /** Go back to the ConfigMap (e.g. when the active profile changes). */
  reset(): void;
  withHub<T>(fn: (hub: HubSession) => Promise<T>): Promise<T>;
  /** Credentials and the forward decision, for exporting a kubeconfig. */
  credentials(): Promise<{ creds: HubCredentials; viaForward: boolean }>;
}

export function createHubConnection(deps: HubConnectionDeps): HubConnection {
  const refOf = (): ConfigMapRef => deps.configMap?.() ?? DEFAULT_CONFIGMAP;
  const refText = (ref: ConfigMapRef): string => `ConfigMap ${ref.namespace}/${ref.name}`;
  let imported: { creds: HubCredentials; path: string } | null = null;
  let cached: HubCredentials | null = null;

  async function readConfigMap(): Promise<HubCredentials> {
    const ref = refOf();
    const kc = await deps.hostKubeConfig();
    const context = kc.getCurrentContext();
    let data: Record<string, string> | undefined;
    try {
      const cm = await kc.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: ref.name, namespace: ref.namespace });
      data = cm.data;
    } catch (err) {
      const status = apiStatus(err);
      if (status === 403) {
        throw fail(
          'FORBIDDEN',
          `Context "${context}" may not read ${refText(ref)}, which holds the hub kubeconfig.`,
          `An admin can export it with:\n${exportCommand(ref)}\nThen import that file (the app's Import hub kubeconfig, or the CLI's --hub-kubeconfig FILE). ` +
            'Importing is also the way when Karpor is exposed without port-forward (e.g. a LoadBalancer).',
        );
      }
      if (status === 404) {
        throw fail('NOT_FOUND', `${refText(ref)} does not exist on context "${context}".`, `Is Karpor installed in namespace "${ref.namespace}"? Set Karpor's namespace (in the profile, or --karpor-namespace in the CLI), or import a hub kubeconfig file.`);
      }
      throw toAppError(err, `reading ${refText(ref)}`, `the cluster of context "${context}"`);
    }
    const text = data?.config;
    if (!text) throw fail('KUBECONFIG_INVALID', `${refText(ref)} has no key "config".`, 'Karpor’s cert-generator Job writes it; check that the Job completed.');
    return parseHubKubeconfig(text, refText(ref));
  }

  async function credentials(): Promise<{ creds: HubCredentials; viaForward: boolean }> {
    if (imported) return { creds: imported.creds, viaForward: needsForward(imported.creds.server) };
    cached ??= await readConfigMap();
    return { creds: cached, viaForward: true };
  }

  async function endpoint(): Promise<{ creds: HubCredentials; viaForward: boolean; ep: HubEndpoint }> {
    const { creds, viaForward } = await credentials();
    const ep = viaForward ? await deps.forward() : { server: creds.server, release: async () => undefined };
    return { creds, viaForward, ep };
  }

  async function status(): Promise<HubStatus> {
    const { viaForward, ep } = await endpoint();
    try {
      const rbacEnabled = await readRbacEnabled(ep.server);
      return {
        source: imported ? 'file' : 'configmap',
        origin: imported ? imported.path : refText(refOf()),
        server: ep.server,
        viaForward,
        rbacEnabled,
        notice: rbacEnabled ? null : RBAC_OFF_NOTICE,
      };
    } finally {
      await ep.release();
    }
  }

  return {
    status,
    async importHubKubeconfig(path) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw fail(code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_REQUEST', `Cannot read ${path} (${code ?? 'error'}).`, `Export it with: ${exportCommand(refOf())}`);
      }
      const previous = imported;
      imported = { creds: parseHubKubeconfig(text, path), path };
      try {
        return await status();
      } catch (err) {
        imported = previous; // a file we cannot use must not replace one that works
        throw err;
      }
    },
    reset() {
      imported = null;
      cached = null;
    },
    credentials,
    async withHub(fn) {
      const { creds, ep } = await endpoint();
      try {
        const kc = deriveHubKubeConfig(creds, ep.server);
        return await fn({ hubId: imported ? 'import' : deps.hubId(), server: ep.server, kc, core: kc.makeApiClient(CoreV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api) });
      } catch (err) {
        // The cert-generator may have issued new hub credentials: read the ConfigMap again next time.
        if (apiStatus(err) === 401 || (err instanceof AppError && err.code === 'UNAUTHORIZED')) cached = null;
        throw err;
      } finally {
        await ep.release();
      }
    },
  };
}
