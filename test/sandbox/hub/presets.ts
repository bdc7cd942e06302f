import type { PolicyRule } from './rbac.ts';

/**
 * What karpor-server creates at start (config/default-*-rbac.yaml in the Karpor repository), plus the generic
 * API server's own bootstrap roles that matter here.
 */

const DASHBOARD_PATHS = [
  '/',
  '/rest-api/*',
  '/endpoints',
  '/public/*',
  '/docs/*',
  '/server-configs',
  '/search',
  '/search/*',
  '/insight',
  '/insight/*',
  '/insightDetail',
  '/insightDetail/*',
  '/cluster',
  '/cluster/*',
  '/login',
];

const MANAGEMENT_PATHS = ['/rest-api/v1/resource-group-rule', '/rest-api/v1/resource-group-rule/*', '/rest-api/v1/cluster', '/rest-api/v1/cluster/*'];

export interface PresetClusterRole {
  name: string;
  rules: PolicyRule[];
}

export interface PresetClusterRoleBinding {
  name: string;
  role: string;
  subjects: Array<{ kind: 'User' | 'Group'; name: string }>;
}

export const PRESET_CLUSTER_ROLES: readonly PresetClusterRole[] = [
  {
    name: 'cluster-admin',
    rules: [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ],
  },
  {
    name: 'karpor-admin',
    rules: [
      { verbs: ['*'], nonResourceURLs: MANAGEMENT_PATHS },
      { verbs: ['get'], nonResourceURLs: [...DASHBOARD_PATHS, '/rest-api/v1/authn', '/livez', '/readyz'] },
    ],
  },
  {
    name: 'karpor-guest',
    rules: [{ verbs: ['get'], nonResourceURLs: [...MANAGEMENT_PATHS, '/rest-api/v1/authn', ...DASHBOARD_PATHS] }],
  },
  { name: 'anonymous', rules: [{ verbs: ['get'], nonResourceURLs: DASHBOARD_PATHS }] },
];

export const PRESET_CLUSTER_ROLE_BINDINGS: readonly PresetClusterRoleBinding[] = [
  { name: 'cluster-admin', role: 'cluster-admin', subjects: [{ kind: 'Group', name: 'system:masters' }] },
  { name: 'anonymous', role: 'anonymous', subjects: [{ kind: 'User', name: 'system:anonymous' }] },
];

/** The generic API server's `--authorization-always-allow-paths` default: probes never need RBAC. */
export const ALWAYS_ALLOW_PATHS: readonly string[] = ['/healthz', '/readyz', '/livez'];

export const PRESET_NAMESPACES: readonly string[] = ['default', 'karpor', 'kube-system', 'kube-public'];
