/** The resource types the hub serves, with the facts discovery, routing, validation and tables need. */

export type NameRule = 'dns-label' | 'dns-subdomain' | 'path-segment';

export interface ResourceDef {
  group: string;
  version: string;
  /** Plural, as in URLs and RBAC rules. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  nameRule: NameRule;
}

const CORE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
export const RESOURCE_VERBS: readonly string[] = CORE_VERBS;

export const RESOURCES: readonly ResourceDef[] = [
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], nameRule: 'dns-label' },
  { group: '', version: 'v1', resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'], nameRule: 'dns-subdomain' },
  { group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, shortNames: [], nameRule: 'dns-subdomain' },
  { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], nameRule: 'dns-subdomain' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', singular: 'role', kind: 'Role', namespaced: true, shortNames: [], nameRule: 'path-segment' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', namespaced: true, shortNames: [], nameRule: 'path-segment' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', namespaced: false, shortNames: [], nameRule: 'path-segment' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', singular: 'clusterrolebinding', kind: 'ClusterRoleBinding', namespaced: false, shortNames: [], nameRule: 'path-segment' },
  { group: 'cluster.karpor.io', version: 'v1beta1', resource: 'clusters', singular: 'cluster', kind: 'Cluster', namespaced: false, shortNames: [], nameRule: 'dns-subdomain' },
  { group: 'search.karpor.io', version: 'v1beta1', resource: 'syncregistries', singular: 'syncregistry', kind: 'SyncRegistry', namespaced: false, shortNames: [], nameRule: 'dns-subdomain' },
  { group: 'search.karpor.io', version: 'v1beta1', resource: 'transformrules', singular: 'transformrule', kind: 'TransformRule', namespaced: false, shortNames: [], nameRule: 'dns-subdomain' },
];

/** Groups in the order `/apis` lists them (the core group is served under `/api`). */
export const API_GROUPS: ReadonlyArray<{ group: string; version: string }> = [
  { group: 'rbac.authorization.k8s.io', version: 'v1' },
  { group: 'cluster.karpor.io', version: 'v1beta1' },
  { group: 'search.karpor.io', version: 'v1beta1' },
];

export function findResource(group: string, version: string, resource: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function resourceByKind(kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The API server's messages for an invalid `metadata.name` (undefined when the name is fine). */
export function nameProblem(rule: NameRule, name: string): string | undefined {
  if (rule === 'path-segment') {
    if (name === '.' || name === '..') return `may not be '${name}'`;
    if (name.includes('/')) return "may not contain '/'";
    if (name.includes('%')) return "may not contain '%'";
    return undefined;
  }
  if (rule === 'dns-label') {
    if (name.length > 63) return 'must be no more than 63 characters';
    if (!DNS_LABEL.test(name)) {
      return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    }
    return undefined;
  }
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(name)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  }
  return undefined;
}
