// The host cluster's RBAC policy: the default discovery roles every cluster has, cluster-admin for system:masters,
// and the two narrow roles the permission tests rely on. Evaluation is the hub's evaluator (one RBAC for both).
import type { Binding, Policy, PolicyRule } from '../hub/rbac.ts';
import { NAMESPACE } from './objects.ts';

export const LIMITED_USER = 'sandbox-limited';
export const NOCONFIGMAP_USER = 'sandbox-noconfigmap';

const READ = ['get', 'list', 'watch'];

const CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }],
  'system:discovery': [
    { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] },
  ],
  'system:public-info-viewer': [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }],
  'system:basic-user': [{ apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] }],
};

const ROLES: Record<string, PolicyRule[]> = {
  [`${NAMESPACE}/karpor-viewer`]: [
    { apiGroups: [''], resources: ['pods', 'services', 'endpoints', 'configmaps'], verbs: READ },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  ],
  [`${NAMESPACE}/karpor-forwarder`]: [
    { apiGroups: [''], resources: ['pods', 'services', 'endpoints'], verbs: READ },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
    { apiGroups: [''], resources: ['pods/portforward'], verbs: ['get', 'create'] },
  ],
};

const group = (name: string): Binding['subjects'][number] => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });
const user = (name: string): Binding['subjects'][number] => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });
const clusterRole = (name: string): Binding['roleRef'] => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name });
const role = (name: string): Binding['roleRef'] => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name });

export function hostPolicy(): Policy {
  return {
    clusterRoles: new Map(Object.entries(CLUSTER_ROLES)),
    roles: new Map(Object.entries(ROLES)),
    clusterRoleBindings: [
      { name: 'cluster-admin', subjects: [group('system:masters')], roleRef: clusterRole('cluster-admin') },
      { name: 'system:discovery', subjects: [group('system:authenticated')], roleRef: clusterRole('system:discovery') },
      { name: 'system:public-info-viewer', subjects: [group('system:authenticated'), group('system:unauthenticated')], roleRef: clusterRole('system:public-info-viewer') },
      { name: 'system:basic-user', subjects: [group('system:authenticated')], roleRef: clusterRole('system:basic-user') },
    ],
    roleBindings: [
      { name: 'karpor-viewer', namespace: NAMESPACE, subjects: [user(LIMITED_USER)], roleRef: role('karpor-viewer') },
      { name: 'karpor-forwarder', namespace: NAMESPACE, subjects: [user(NOCONFIGMAP_USER)], roleRef: role('karpor-forwarder') },
    ],
  };
}
