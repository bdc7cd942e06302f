// The API resources the host serves, with what discovery advertises for each.

export interface ResourceType {
  group: string;
  version: string;
  name: string; // plural, e.g. "pods"
  singularName: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

const READ = ['get', 'list', 'watch'];

export const RESOURCES: readonly ResourceType[] = [
  { group: '', version: 'v1', name: 'namespaces', singularName: 'namespace', kind: 'Namespace', namespaced: false, verbs: READ, shortNames: ['ns'] },
  { group: '', version: 'v1', name: 'configmaps', singularName: 'configmap', kind: 'ConfigMap', namespaced: true, verbs: READ, shortNames: ['cm'] },
  { group: '', version: 'v1', name: 'services', singularName: 'service', kind: 'Service', namespaced: true, verbs: [...READ, 'delete'], shortNames: ['svc'], categories: ['all'] },
  { group: '', version: 'v1', name: 'pods', singularName: 'pod', kind: 'Pod', namespaced: true, verbs: [...READ, 'delete'], shortNames: ['po'], categories: ['all'] },
  { group: '', version: 'v1', name: 'endpoints', singularName: 'endpoints', kind: 'Endpoints', namespaced: true, verbs: READ, shortNames: ['ep'] },
  { group: 'apps', version: 'v1', name: 'deployments', singularName: 'deployment', kind: 'Deployment', namespaced: true, verbs: READ, shortNames: ['deploy'], categories: ['all'] },
  { group: 'apps', version: 'v1', name: 'replicasets', singularName: 'replicaset', kind: 'ReplicaSet', namespaced: true, verbs: READ, shortNames: ['rs'], categories: ['all'] },
  { group: 'discovery.k8s.io', version: 'v1', name: 'endpointslices', singularName: 'endpointslice', kind: 'EndpointSlice', namespaced: true, verbs: READ },
  { group: 'authorization.k8s.io', version: 'v1', name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: ['create'] },
];

/** Subresources advertised in discovery (`pods/portforward` is what kubectl's RBAC checks name). */
export const SUBRESOURCES: ReadonlyArray<{ group: string; version: string; name: string; kind: string; namespaced: boolean; verbs: string[] }> = [
  { group: '', version: 'v1', name: 'pods/portforward', kind: 'PodPortForwardOptions', namespaced: true, verbs: ['create', 'get'] },
];

export function findResource(group: string, version: string, name: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.name === name);
}

export function apiVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
