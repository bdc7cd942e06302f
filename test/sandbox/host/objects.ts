// What Karpor's Helm chart (and the controllers acting on it) leave in the host cluster, shaped like the real objects.
import type { KubeObject } from './cluster-state.ts';

export const NAMESPACE = 'karpor';
export const SERVICE_NAME = 'karpor-server';
export const SERVICE_PORT = 7443;
export const CONFIGMAP_NAME = 'karpor-kubeconfig';
export const HUB_IN_CLUSTER_URL = 'https://karpor-server.karpor.svc:7443';
export const CONTAINER_NAME = 'karpor-server';
export const NODE_NAME = 'sandbox-node';

export const SELECTOR: Record<string, string> = {
  'app.kubernetes.io/name': 'karpor',
  'app.kubernetes.io/component': 'karpor-server',
  'app.kubernetes.io/instance': 'karpor',
};

export function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function configMapObject(kubeconfigYaml: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CONFIGMAP_NAME, namespace: NAMESPACE },
    data: { config: kubeconfigYaml },
  };
}

export function serviceObject(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: SERVICE_NAME,
      namespace: NAMESPACE,
      labels: { ...SELECTOR, 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'meta.helm.sh/release-name': 'karpor', 'meta.helm.sh/release-namespace': NAMESPACE },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.120.15',
      clusterIPs: ['10.96.120.15'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      selector: { ...SELECTOR },
      // The chart sets no targetPort; the API server defaults it to `port`, as here.
      ports: [{ port: SERVICE_PORT, protocol: 'TCP', targetPort: SERVICE_PORT }],
    },
    status: { loadBalancer: {} },
  };
}

function containerSpec(): Record<string, unknown> {
  return {
    name: CONTAINER_NAME,
    image: 'kusionstack/karpor:v0.6.4',
    command: ['/karpor'],
    ports: [{ containerPort: SERVICE_PORT, protocol: 'TCP' }],
  };
}

export interface WorkloadFacts {
  templateHash: string;
  /** Desired replicas. */
  replicas: number;
  /** Pods that exist. */
  current: number;
  ready: number;
  deploymentUid: string;
}

export const DEPLOYMENT_NAME = SERVICE_NAME;

export function replicaSetName(templateHash: string): string {
  return `${DEPLOYMENT_NAME}-${templateHash}`;
}

function counts(f: WorkloadFacts): Record<string, number> {
  // The API server omits zero counts from workload status.
  const c: Record<string, number> = { replicas: f.current, readyReplicas: f.ready, availableReplicas: f.ready };
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v > 0));
}

export function deploymentObject(f: WorkloadFacts): KubeObject {
  const unavailable = f.replicas - f.ready;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: DEPLOYMENT_NAME,
      namespace: NAMESPACE,
      uid: f.deploymentUid,
      labels: { ...SELECTOR, 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'meta.helm.sh/release-name': 'karpor', 'meta.helm.sh/release-namespace': NAMESPACE },
    },
    spec: {
      replicas: f.replicas,
      selector: { matchLabels: { ...SELECTOR } },
      template: { metadata: { labels: { ...SELECTOR } }, spec: { containers: [containerSpec()] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    },
    status: {
      observedGeneration: 1,
      ...counts(f),
      ...(f.current > 0 ? { updatedReplicas: f.current } : {}),
      ...(unavailable > 0 ? { unavailableReplicas: unavailable } : {}),
      conditions: [{ type: 'Available', status: f.ready >= f.replicas ? 'True' : 'False', reason: f.ready >= f.replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable' }],
    },
  };
}

export function replicaSetObject(f: WorkloadFacts): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName(f.templateHash),
      namespace: NAMESPACE,
      labels: { ...SELECTOR, 'pod-template-hash': f.templateHash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(f.replicas), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: DEPLOYMENT_NAME, uid: f.deploymentUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas: f.replicas,
      selector: { matchLabels: { ...SELECTOR, 'pod-template-hash': f.templateHash } },
      template: { metadata: { labels: { ...SELECTOR, 'pod-template-hash': f.templateHash } }, spec: { containers: [containerSpec()] } },
    },
    status: { observedGeneration: 1, ...counts(f), ...(f.current > 0 ? { fullyLabeledReplicas: f.current } : {}) },
  };
}

export interface PodFacts {
  name: string;
  templateHash: string;
  replicaSetUid: string;
  ip: string;
  running: boolean;
  createdAt: string;
  /** When the container became ready; absent while Pending. */
  readyAt?: string;
}

export function podObject(p: PodFacts): KubeObject {
  const ready = p.running ? 'True' : 'False';
  const readyTransition = p.readyAt ?? p.createdAt;
  const condition = (type: string, status: string, at: string): Record<string, unknown> => ({ type, status, lastProbeTime: null, lastTransitionTime: at });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      generateName: `${replicaSetName(p.templateHash)}-`,
      namespace: NAMESPACE,
      labels: { ...SELECTOR, 'pod-template-hash': p.templateHash },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSetName(p.templateHash), uid: p.replicaSetUid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      containers: [containerSpec()],
      nodeName: NODE_NAME,
      restartPolicy: 'Always',
      serviceAccountName: 'default',
    },
    status: {
      phase: p.running ? 'Running' : 'Pending',
      conditions: [
        condition('PodScheduled', 'True', p.createdAt),
        condition('Initialized', 'True', p.createdAt),
        condition('ContainersReady', ready, readyTransition),
        condition('Ready', ready, readyTransition),
      ],
      hostIP: '172.18.0.2',
      podIP: p.ip,
      podIPs: [{ ip: p.ip }],
      startTime: p.createdAt,
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: CONTAINER_NAME,
          image: 'docker.io/kusionstack/karpor:v0.6.4',
          imageID: '',
          ready: p.running,
          started: p.running,
          restartCount: 0,
          state: p.readyAt ? { running: { startedAt: p.readyAt } } : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  };
}

export interface EndpointFacts {
  name: string;
  uid: string;
  ip: string;
  ready: boolean;
}

export function endpointSliceObject(sliceName: string, endpoints: EndpointFacts[]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: sliceName,
      generateName: `${SERVICE_NAME}-`,
      namespace: NAMESPACE,
      labels: {
        'kubernetes.io/service-name': SERVICE_NAME,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        ...SELECTOR,
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: SERVICE_NAME, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.ready, terminating: false },
      nodeName: NODE_NAME,
      targetRef: { kind: 'Pod', namespace: NAMESPACE, name: e.name, uid: e.uid },
    })),
    ports: [{ name: '', port: SERVICE_PORT, protocol: 'TCP' }],
  };
}

export function endpointsObject(endpoints: EndpointFacts[]): KubeObject {
  const address = (e: EndpointFacts): Record<string, unknown> => ({
    ip: e.ip,
    nodeName: NODE_NAME,
    targetRef: { kind: 'Pod', namespace: NAMESPACE, name: e.name, uid: e.uid },
  });
  const ready = endpoints.filter((e) => e.ready).map(address);
  const notReady = endpoints.filter((e) => !e.ready).map(address);
  const subsets =
    endpoints.length === 0
      ? []
      : [
          {
            ...(ready.length ? { addresses: ready } : {}),
            ...(notReady.length ? { notReadyAddresses: notReady } : {}),
            ports: [{ port: SERVICE_PORT, protocol: 'TCP' }],
          },
        ];
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: SERVICE_NAME, namespace: NAMESPACE, labels: { ...SELECTOR } },
    ...(subsets.length ? { subsets } : {}),
  };
}
