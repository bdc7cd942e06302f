// A Deployment's worth of behaviour for karpor-server: keep `replicas` pods, replace deleted ones under a new name
// (Pending first, Ready after a delay), and keep the Deployment/ReplicaSet status and the Service's EndpointSlice and
// Endpoints in step with readiness.
import { randomInt, randomUUID } from 'node:crypto';
import { kubeTimestamp } from './cluster-state.ts';
import type { ClusterState, KubeObject } from './cluster-state.ts';
import {
  DEPLOYMENT_NAME,
  NAMESPACE,
  SERVICE_NAME,
  deploymentObject,
  endpointSliceObject,
  endpointsObject,
  podObject,
  replicaSetName,
  replicaSetObject,
} from './objects.ts';
import type { EndpointFacts, PodFacts, WorkloadFacts } from './objects.ts';

/** What the controller needs from the hub: a server per pod (the real `Hub` fits). */
export interface PodServers {
  startPod(name: string): Promise<{ port: number; stop(): Promise<void> }>;
}

interface ManagedPod {
  name: string;
  uid: string;
  ip: string;
  ready: boolean;
  hubPort: number;
  createdAt: string;
  readyAt?: string;
  stopHub?: () => Promise<void>;
  startTimer?: NodeJS.Timeout;
}

export interface PodView {
  name: string;
  uid: string;
  ready: boolean;
  hubPort: number;
}

// Kubernetes' name-suffix alphabet (no vowels, no confusable digits).
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function suffix(n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export class PodController {
  private readonly state: ClusterState;
  private readonly servers: PodServers;
  private readonly restartDelayMs: number;
  private readonly onPodRemoved: (name: string) => void;
  private readonly templateHash = suffix(10);
  private readonly sliceName = `${SERVICE_NAME}-${suffix(5)}`;
  private readonly deploymentUid = randomUUID();
  private replicaSetUid = '';
  private readonly pods: ManagedPod[] = [];
  private readonly readyWaiters = new Set<() => void>();
  private replicas: number;
  private nextIp = 10;
  private serviceExists = true;
  private stopped = false;

  constructor(state: ClusterState, servers: PodServers, replicas: number, restartDelayMs: number, onPodRemoved: (name: string) => void) {
    this.state = state;
    this.onPodRemoved = onPodRemoved;
    this.servers = servers;
    this.replicas = replicas;
    this.restartDelayMs = restartDelayMs;
  }

  /** Starts the initial replicas at once (no delay): the sandbox is ready when they are. */
  async start(): Promise<void> {
    this.syncDerived();
    this.replicaSetUid = this.state.get('replicasets', NAMESPACE, replicaSetName(this.templateHash))?.metadata.uid ?? '';
    await Promise.all(Array.from({ length: this.replicas }, () => this.createPod(0)));
  }

  list(): PodView[] {
    return this.pods.map(({ name, uid, ready, hubPort }) => ({ name, uid, ready, hubPort }));
  }

  find(name: string): PodView | undefined {
    return this.list().find((p) => p.name === name);
  }

  async deletePod(name: string): Promise<boolean> {
    const pod = this.pods.find((p) => p.name === name);
    if (!pod) return false;
    await this.removePod(pod);
    this.reconcile();
    return true;
  }

  async setReplicas(n: number): Promise<void> {
    this.replicas = n;
    this.syncDerived();
    const surplus = this.pods.slice(n).reverse();
    await Promise.all(surplus.map((p) => this.removePod(p)));
    this.reconcile();
  }

  setServiceExists(exists: boolean): void {
    this.serviceExists = exists;
    this.syncDerived();
  }

  async waitForReadyPods(count: number, timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = this.pods.filter((p) => p.ready).map((p) => p.name);
      if (ready.length >= count) return ready;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${count} ready pods (ready: ${ready.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.readyWaiters.add(done);
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.pods.splice(0).map((p) => this.stopPod(p)));
    for (const w of this.readyWaiters) w();
  }

  private reconcile(): void {
    if (this.stopped) return;
    while (this.pods.length < this.replicas) void this.createPod(this.restartDelayMs);
  }

  private createPod(delayMs: number): Promise<void> {
    const pod: ManagedPod = {
      name: `${SERVICE_NAME}-${this.templateHash}-${suffix(5)}`,
      uid: '',
      ip: `10.244.0.${this.nextIp++}`,
      ready: false,
      hubPort: 0,
      createdAt: kubeTimestamp(),
    };
    this.pods.push(pod);
    const created = this.state.create('pods', podObject(this.facts(pod)));
    pod.uid = created.metadata.uid ?? '';
    this.syncDerived();
    return new Promise<void>((resolve) => {
      pod.startTimer = setTimeout(() => {
        pod.startTimer = undefined;
        this.startHub(pod).then(resolve, (err: unknown) => {
          console.error(`sandbox: pod ${pod.name} failed to start: ${String(err)}`);
          resolve();
        });
      }, delayMs);
    });
  }

  private async startHub(pod: ManagedPod): Promise<void> {
    const server = await this.servers.startPod(pod.name);
    if (!this.pods.includes(pod)) {
      await server.stop(); // deleted while starting
      return;
    }
    pod.hubPort = server.port;
    pod.stopHub = () => server.stop();
    pod.ready = true;
    pod.readyAt = kubeTimestamp();
    const current = this.state.get('pods', NAMESPACE, pod.name);
    if (current) this.state.update('pods', { ...podObject(this.facts(pod)), metadata: current.metadata });
    this.syncDerived();
    for (const w of this.readyWaiters) w();
    this.readyWaiters.clear();
  }

  private async removePod(pod: ManagedPod): Promise<void> {
    const i = this.pods.indexOf(pod);
    if (i >= 0) this.pods.splice(i, 1);
    this.state.delete('pods', NAMESPACE, pod.name);
    this.syncDerived();
    this.onPodRemoved(pod.name);
    await this.stopPod(pod);
  }

  private async stopPod(pod: ManagedPod): Promise<void> {
    if (pod.startTimer) clearTimeout(pod.startTimer);
    pod.ready = false;
    await pod.stopHub?.();
  }

  private facts(pod: ManagedPod): PodFacts {
    return {
      name: pod.name,
      templateHash: this.templateHash,
      replicaSetUid: this.replicaSetUid,
      ip: pod.ip,
      running: pod.ready,
      createdAt: pod.createdAt,
      ...(pod.readyAt ? { readyAt: pod.readyAt } : {}),
    };
  }

  /**
   * What the other controllers keep in step with the pods: the Deployment's and ReplicaSet's status, and the
   * EndpointSlice and Endpoints of the Service (every pod with its readiness).
   */
  private syncDerived(): void {
    const workload: WorkloadFacts = {
      templateHash: this.templateHash,
      replicas: this.replicas,
      current: this.pods.length,
      ready: this.pods.filter((p) => p.ready).length,
      deploymentUid: this.deploymentUid,
    };
    this.apply('deployments', DEPLOYMENT_NAME, deploymentObject(workload));
    this.apply('replicasets', replicaSetName(this.templateHash), replicaSetObject(workload));
    const endpoints: EndpointFacts[] = this.pods.map((p) => ({ name: p.name, uid: p.uid, ip: p.ip, ready: p.ready }));
    this.apply('endpointslices', this.sliceName, this.serviceExists ? endpointSliceObject(this.sliceName, endpoints) : undefined);
    this.apply('endpoints', SERVICE_NAME, this.serviceExists ? endpointsObject(endpoints) : undefined);
  }

  private apply(resource: string, name: string, desired: KubeObject | undefined): void {
    const current = this.state.get(resource, NAMESPACE, name);
    if (!desired) {
      if (current) this.state.delete(resource, NAMESPACE, name);
      return;
    }
    if (!current) {
      this.state.create(resource, desired);
      return;
    }
    const { metadata: _a, ...currentBody } = current;
    const { metadata: _b, ...desiredBody } = desired;
    if (JSON.stringify(currentBody) !== JSON.stringify(desiredBody)) this.state.update(resource, { ...desired, metadata: current.metadata });
  }
}
