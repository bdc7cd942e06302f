// Kubernetes RBAC evaluation (rbac.authorization.k8s.io/v1 semantics), pure: the host API server and the hub both
// decide with it, so a permission test means the same thing on either side.

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RbacSubject {
  kind: string; // User | Group | ServiceAccount
  name: string;
  namespace?: string;
}

export interface RoleRef {
  kind: string; // Role | ClusterRole
  name: string;
}

export interface RoleLike {
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
}

export interface BindingLike {
  metadata: { name: string; namespace?: string };
  subjects?: RbacSubject[];
  roleRef: RoleRef;
}

export interface RbacPolicy {
  roles: readonly RoleLike[];
  clusterRoles: readonly RoleLike[];
  roleBindings: readonly BindingLike[];
  clusterRoleBindings: readonly BindingLike[];
}

export interface ResourceRequest {
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessRequest {
  user: string;
  groups: readonly string[];
  verb: string;
  /** Set for API resource requests; absent for non-resource URLs. */
  resource?: ResourceRequest;
  /** The URL path, used when `resource` is absent. */
  path?: string;
}

function has(list: readonly string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function resourceMatches(rule: PolicyRule, r: ResourceRequest): boolean {
  const resources = rule.resources ?? [];
  const combined = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  return resources.some(
    (x) => x === '*' || x === combined || (r.subresource !== undefined && x === `*/${r.subresource}`),
  );
}

function nonResourceMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  );
}

export function ruleAllows(rule: PolicyRule, req: AccessRequest): boolean {
  if (!has(rule.verbs, req.verb)) return false;
  if (req.resource) {
    const r = req.resource;
    if (!has(rule.apiGroups, r.apiGroup) || !resourceMatches(rule, r)) return false;
    const names = rule.resourceNames ?? [];
    return names.length === 0 || (r.name !== undefined && names.includes(r.name));
  }
  return req.path !== undefined && nonResourceMatches(rule, req.path);
}

export function subjectMatches(s: RbacSubject, user: string, groups: readonly string[], bindingNamespace?: string): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user;
    case 'Group':
      return groups.includes(s.name);
    case 'ServiceAccount':
      return user === `system:serviceaccount:${s.namespace ?? bindingNamespace ?? ''}:${s.name}`;
    default:
      return false;
  }
}

function rulesOf(policy: RbacPolicy, ref: RoleRef, bindingNamespace?: string): PolicyRule[] {
  const role =
    ref.kind === 'ClusterRole'
      ? policy.clusterRoles.find((r) => r.metadata.name === ref.name)
      : policy.roles.find((r) => r.metadata.name === ref.name && r.metadata.namespace === bindingNamespace);
  return role?.rules ?? [];
}

/** True when some binding of the requester grants a rule that covers the request (RBAC only ever adds). */
export function authorize(policy: RbacPolicy, req: AccessRequest): boolean {
  const bound = (b: BindingLike): boolean =>
    (b.subjects ?? []).some((s) => subjectMatches(s, req.user, req.groups, b.metadata.namespace));
  for (const b of policy.clusterRoleBindings) {
    if (bound(b) && rulesOf(policy, b.roleRef).some((rule) => ruleAllows(rule, req))) return true;
  }
  const ns = req.resource?.namespace;
  if (ns === undefined) return false;
  for (const b of policy.roleBindings) {
    if (b.metadata.namespace !== ns || !bound(b)) continue;
    if (rulesOf(policy, b.roleRef, ns).some((rule) => ruleAllows(rule, req))) return true;
  }
  return false;
}

/** The message kube-apiserver puts in a 403 Status, e.g. `pods "x" is forbidden: User "u" cannot create ...`. */
export function forbiddenMessage(req: AccessRequest): string {
  const r = req.resource;
  if (!r) return `forbidden: User "${req.user}" cannot ${req.verb} path "${req.path ?? '/'}"`;
  const full = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  const what = r.name ? `${r.resource} "${r.name}"` : r.resource;
  const scope = r.namespace ? ` in the namespace "${r.namespace}"` : ' at the cluster scope';
  return `${what} is forbidden: User "${req.user}" cannot ${req.verb} resource "${full}" in API group "${r.apiGroup}"${scope}`;
}
