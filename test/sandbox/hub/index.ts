import { existsSync } from 'node:fs';
import { z } from 'zod';
import { createCa, issueClientCert } from './certs.ts';
import { createRequestHandler, type HubContext } from './handler.ts';
import { hubKubeconfigYaml } from './kubeconfig.ts';
import { startPodServer } from './pod-server.ts';
import { STAND_IN_DIR } from './dashboard-files.ts';
import { findResource } from './resources.ts';
import { HubStore } from './state.ts';
import { createTokenSigner } from './tokens.ts';

export interface HubOptions {
  /** Default true (Karpor's own default is false); off = allow all and strip the Authorization header. */
  rbac?: boolean;
  /** Default 8760h; longer TokenRequests are shortened to this, not refused. */
  maxTokenExpirationSeconds?: number;
  /** Serve a real Karpor UI build instead of the stand-in. */
  dashboardDir?: string;
  /** Clock for tokens and timestamps (tests of expiry pass their own). */
  now?: () => Date;
}

export interface HubPod {
  name: string;
  port: number;
  /** As Node's X509Certificate.fingerprint256 (colon-separated upper hex). */
  certFingerprint256: string;
  /** Stops listening and destroys live sockets. */
  stop(): Promise<void>;
}

export interface Hub {
  /** What Karpor's cert-generator writes into ConfigMap karpor-kubeconfig (key `config`). */
  kubeconfigYaml(server: string): string;
  startPod(name: string): Promise<HubPod>;
  setRbac(on: boolean): void;
  readonly rbac: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_MAX_TOKEN_EXPIRATION_SECONDS = 8760 * 3600;

const optionsSchema = z.object({
  rbac: z.boolean().optional(),
  maxTokenExpirationSeconds: z
    .number()
    .int()
    .min(600, 'maxTokenExpirationSeconds must be at least 600 (Kubernetes refuses tokens under 10 minutes)')
    .optional(),
  dashboardDir: z
    .string()
    .refine((d) => existsSync(d), { error: (issue) => `dashboardDir ${String(issue.input)} does not exist; pass the directory of a Karpor UI build` })
    .optional(),
  now: z.custom<() => Date>((v) => typeof v === 'function', 'now must be a function returning a Date').optional(),
});

/** A karpor-server stand-in: one shared state (like etcd) served by any number of pods. */
export async function createHub(options: HubOptions = {}): Promise<Hub> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`invalid hub options: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const opts = parsed.data;
  const now = opts.now ?? (() => new Date());
  const ca = await createCa('karpor-ca');
  const admin = await issueClientCert(ca, 'kubernetes-admin', ['system:masters']);
  const store = new HubStore(now);
  const saDef = findResource('', 'v1', 'serviceaccounts');
  if (!saDef) throw new Error('resource table lacks serviceaccounts');
  let rbac = opts.rbac ?? true;
  const ctx: HubContext = {
    store,
    signer: createTokenSigner(ca.keys),
    maxTokenExpirationSeconds: opts.maxTokenExpirationSeconds ?? DEFAULT_MAX_TOKEN_EXPIRATION_SECONDS,
    now,
    serviceAccountUid: (namespace, name) => store.get(saDef, namespace, name)?.metadata.uid,
    rbac: () => rbac,
    dashboardDir: opts.dashboardDir ?? STAND_IN_DIR,
  };
  const handler = createRequestHandler(ctx);
  const pods = new Set<HubPod>();

  return {
    kubeconfigYaml: (server) => hubKubeconfigYaml(server, admin.certPem, admin.keyPem),
    async startPod(name) {
      const server = await startPodServer(ca.certPem, handler);
      const pod: HubPod = {
        name,
        port: server.port,
        certFingerprint256: server.certFingerprint256,
        stop: async () => {
          pods.delete(pod);
          await server.stop();
        },
      };
      pods.add(pod);
      return pod;
    },
    setRbac(on) {
      rbac = on;
    },
    get rbac() {
      return rbac;
    },
    async stop() {
      await Promise.all([...pods].map((p) => p.stop()));
    },
  };
}
