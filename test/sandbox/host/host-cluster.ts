// Assembles the host cluster: PKI, object store seeded with what Karpor's chart installs, the pod controller, the
// API server and the kubeconfig. Takes the hub's pod factory as a collaborator so it runs with any hub.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserInfo } from '../hub/rbac.ts';
import { ApiServer } from './api-server.ts';
import { createHostPki } from './certs.ts';
import { ClusterState } from './cluster-state.ts';
import { ForwardSessions } from './forward-sessions.ts';
import { writeHostKubeconfig } from './kubeconfig.ts';
import { HUB_IN_CLUSTER_URL, NAMESPACE, configMapObject, namespaceObject, serviceObject, SERVICE_NAME } from './objects.ts';
import { PodController } from './pods.ts';
import type { PodServers } from './pods.ts';
import { LIMITED_USER, NOCONFIGMAP_USER, hostPolicy } from './rbac-host.ts';

export interface HostHub extends PodServers {
  kubeconfigYaml(server: string): string;
}

export interface HostOptions {
  pods?: number;
  podRestartDelayMs?: number;
  streamIdleTimeoutMs?: number;
  kubeconfigOut?: string;
}

export interface HostCluster {
  /**
   * Host kubeconfig (mode 0600). Contexts: `sandbox` (current; admin by client certificate, system:masters),
   * `sandbox-limited` (bearer token; get/list/watch pods, services, endpoints, endpointslices, configmaps in ns
   * karpor, NOT pods/portforward), `sandbox-noconfigmap` (bearer token; may port-forward and read
   * pods/services/endpoints/endpointslices, may NOT get configmaps), `sandbox-exec` (exec plugin printing an
   * ExecCredential with an admin token).
   */
  kubeconfigPath: string;
  /** https://127.0.0.1:PORT of the host API server. */
  server: string;
  pods(): Array<{ name: string; ready: boolean; hubPort: number }>;
  /** What `kubectl delete pod` does: its port-forwards end, a replacement appears, Ready after podRestartDelayMs. */
  deletePod(name: string): Promise<void>;
  waitForReadyPods(count: number, timeoutMs?: number): Promise<string[]>;
  /** 0 = all pods gone. */
  setReplicas(n: number): Promise<void>;
  /** Drops every API connection, watch and port-forward, then listens again on the same port. */
  restartApiServer(): Promise<void>;
  /** Cuts every live port-forward connection. */
  dropPortForwardStreams(): void;
  /** false: new connections into pods are refused, reported on the port-forward error stream like the kubelet does. */
  setHubReachable(reachable: boolean): void;
  /** Removes the Service (and so its EndpointSlice and Endpoints). */
  deleteService(): Promise<void>;
  createService(): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = { user: 'sandbox-admin', groups: ['system:masters'] };

function token(): string {
  return randomBytes(24).toString('base64url');
}

export async function startHostCluster(hub: HostHub, opts: HostOptions = {}): Promise<HostCluster> {
  const pki = await createHostPki(ADMIN);
  const state = new ClusterState();
  state.create('namespaces', namespaceObject('default'));
  state.create('namespaces', namespaceObject(NAMESPACE));
  state.create('configmaps', configMapObject(hub.kubeconfigYaml(HUB_IN_CLUSTER_URL)));
  state.create('services', serviceObject());

  const sessions = new ForwardSessions(opts.streamIdleTimeoutMs ?? 0);
  const controller = new PodController(state, hub, opts.pods ?? 1, opts.podRestartDelayMs ?? 300, (name) => sessions.dropPod(name));
  const tokens = { limited: token(), noConfigMap: token(), exec: token() };
  const tokenUsers = new Map<string, UserInfo>([
    [tokens.limited, { name: LIMITED_USER, groups: [] }],
    [tokens.noConfigMap, { name: NOCONFIGMAP_USER, groups: [] }],
    [tokens.exec, { name: 'sandbox-exec', groups: ['system:masters'] }],
  ]);

  const deleteService = async (): Promise<void> => {
    state.delete('services', NAMESPACE, SERVICE_NAME);
    controller.setServiceExists(false);
  };
  const policy = hostPolicy();
  const api = new ApiServer({
    tls: { certPem: pki.server.certPem, keyPem: pki.server.keyPem, caPem: pki.ca.certPem },
    tokens: tokenUsers,
    policy,
    routes: { state, policy, deletePod: (name) => controller.deletePod(name), deleteService },
    findPod: (name) => controller.find(name),
    sessions,
  });

  const [port] = await Promise.all([api.listen(0), controller.start()]);
  const server = `https://127.0.0.1:${port}`;
  const kubeconfigPath = opts.kubeconfigOut ?? join(mkdtempSync(join(tmpdir(), 'karpor-sandbox-')), 'kubeconfig');
  writeHostKubeconfig({
    path: kubeconfigPath,
    server,
    caPem: pki.ca.certPem,
    admin: pki.admin,
    limitedToken: tokens.limited,
    noConfigMapToken: tokens.noConfigMap,
    execToken: tokens.exec,
  });

  return {
    kubeconfigPath,
    server,
    pods: () => controller.list().map(({ name, ready, hubPort }) => ({ name, ready, hubPort })),
    deletePod: async (name) => {
      if (!(await controller.deletePod(name))) throw new Error(`no pod named "${name}" (pods: ${controller.list().map((p) => p.name).join(', ')})`);
    },
    waitForReadyPods: (count, timeoutMs = 10_000) => controller.waitForReadyPods(count, timeoutMs),
    setReplicas: (n) => controller.setReplicas(n),
    restartApiServer: () => api.restart(),
    dropPortForwardStreams: () => sessions.dropAll(),
    setHubReachable: (reachable) => {
      sessions.reachable = reachable;
    },
    deleteService,
    createService: async () => {
      if (!state.get('services', NAMESPACE, SERVICE_NAME)) state.create('services', serviceObject());
      controller.setServiceExists(true);
    },
    stop: async () => {
      sessions.dropAll();
      await api.close();
      await controller.stop();
    },
  };
}
