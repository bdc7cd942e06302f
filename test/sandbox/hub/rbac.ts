/**
 * Kubernetes RBAC evaluation (pure): the same matching rules as k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac,
 * so a rule that works here works on a real hub and the other way round.
 */

export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface Binding {
  name: string;
  /** Set for RoleBindings: they grant only inside their namespace. */
  namespace?: string;
  subjects: Subject[];
  roleRef: RoleRef;
}

export interface ResourceAttributes {
  resourceRequest: true;
  verb: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

export interface NonResourceAttributes {
  resourceRequest: false;
  verb: string;
  path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

export interface Policy {
  clusterRoles: ReadonlyMap<string, PolicyRule[]>;
  /** Key: `<namespace>/<name>`. */
  roles: ReadonlyMap<string, PolicyRule[]>;
  clusterRoleBindings: readonly Binding[];
  roleBindings: readonly Binding[];
}

export interface Decision {
  allowed: boolean;
  /** Why it was allowed (which binding), for debugging; empty when denied. */
  reason: string;
}

const SUPERUSER_GROUP = 'system:masters';

function has(list: readonly string[] | undefined, value: string): boolean {
  return (list ?? []).some((v) => v === '*' || v === value);
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return has(rule.verbs, verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return has(rule.apiGroups, group);
}

export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    // `*/scale` grants that subresource of every resource.
    if (subresource && r.startsWith('*/') && r.slice(2) === subresource) return true;
  }
  return false;
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** `/foo` matches exactly, `/foo/*` matches every path starting with `/foo/`, `*` matches all. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs ?? []) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.slice(0, -1))) return true;
  }
  return false;
}

export function ruleAllows(rule: PolicyRule, attrs: RequestAttributes): boolean {
  if (!attrs.resourceRequest) return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
  return (
    verbMatches(rule, attrs.verb) &&
    apiGroupMatches(rule, attrs.apiGroup) &&
    resourceMatches(rule, attrs.resource, attrs.subresource) &&
    resourceNameMatches(rule, attrs.name)
  );
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

export function subjectMatches(user: UserInfo, subject: Subject, bindingNamespace: string | undefined): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      // Kubernetes defaults the subject's namespace to the RoleBinding's own.
      const ns = subject.namespace || bindingNamespace;
      return Boolean(ns) && user.name === serviceAccountUsername(ns ?? '', subject.name);
    }
    default:
      return false;
  }
}

function rulesOf(policy: Policy, ref: RoleRef, bindingNamespace: string | undefined): PolicyRule[] {
  if (ref.kind === 'ClusterRole') return policy.clusterRoles.get(ref.name) ?? [];
  if (ref.kind === 'Role' && bindingNamespace) return policy.roles.get(`${bindingNamespace}/${ref.name}`) ?? [];
  return [];
}

export function authorize(policy: Policy, user: UserInfo, attrs: RequestAttributes): Decision {
  if (user.groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: `group ${SUPERUSER_GROUP}` };
  for (const b of policy.clusterRoleBindings) {
    if (!b.subjects.some((s) => subjectMatches(user, s, undefined))) continue;
    if (rulesOf(policy, b.roleRef, undefined).some((r) => ruleAllows(r, attrs))) {
      return { allowed: true, reason: `ClusterRoleBinding "${b.name}" of ClusterRole "${b.roleRef.name}"` };
    }
  }
  // RoleBindings grant only namespaced resource requests in their own namespace.
  if (attrs.resourceRequest && attrs.namespace) {
    for (const b of policy.roleBindings) {
      if (b.namespace !== attrs.namespace) continue;
      if (!b.subjects.some((s) => subjectMatches(user, s, b.namespace))) continue;
      if (rulesOf(policy, b.roleRef, b.namespace).some((r) => ruleAllows(r, attrs))) {
        return { allowed: true, reason: `RoleBinding "${b.namespace}/${b.name}" of ${b.roleRef.kind} "${b.roleRef.name}"` };
      }
    }
  }
  return { allowed: false, reason: '' };
}
