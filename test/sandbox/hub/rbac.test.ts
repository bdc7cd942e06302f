import { describe, expect, it } from 'vitest';
import { authorize, nonResourceURLMatches, resourceMatches, ruleAllows, subjectMatches, type Binding, type Policy, type PolicyRule, type RequestAttributes, type UserInfo } from './rbac.ts';
import { PRESET_CLUSTER_ROLE_BINDINGS, PRESET_CLUSTER_ROLES } from './presets.ts';

const sa = (ns: string, name: string): UserInfo => ({
  name: `system:serviceaccount:${ns}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
});
const anonymous: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
const path = (verb: string, p: string): RequestAttributes => ({ resourceRequest: false, verb, path: p });
const res = (verb: string, resource: string, extra: Partial<Extract<RequestAttributes, { resourceRequest: true }>> = {}): RequestAttributes => ({
  resourceRequest: true,
  verb,
  apiGroup: '',
  resource,
  subresource: '',
  namespace: 'default',
  name: '',
  ...extra,
});

function presetPolicy(extra: Binding[] = [], roleBindings: Binding[] = [], roles = new Map<string, PolicyRule[]>()): Policy {
  return {
    clusterRoles: new Map(PRESET_CLUSTER_ROLES.map((r) => [r.name, r.rules])),
    roles,
    clusterRoleBindings: [
      ...PRESET_CLUSTER_ROLE_BINDINGS.map((b) => ({ name: b.name, subjects: b.subjects, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: b.role } })),
      ...extra,
    ],
    roleBindings,
  };
}

const bindSa = (role: string, ns: string, name: string): Binding => ({
  name: `${role}-${name}`,
  subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
});

describe('rule matching', () => {
  it('matches non-resource URLs exactly, by trailing-* prefix, and * for all', () => {
    const rule: PolicyRule = { verbs: ['get'], nonResourceURLs: ['/rest-api/v1/cluster', '/rest-api/v1/cluster/*'] };
    expect(nonResourceURLMatches(rule, '/rest-api/v1/cluster')).toBe(true);
    expect(nonResourceURLMatches(rule, '/rest-api/v1/cluster/a/b')).toBe(true);
    expect(nonResourceURLMatches(rule, '/rest-api/v1/clusters')).toBe(false);
    expect(nonResourceURLMatches({ verbs: ['get'], nonResourceURLs: ['/rest-api/*'] }, '/rest-api/v1/clusters')).toBe(true);
    expect(nonResourceURLMatches({ verbs: ['get'], nonResourceURLs: ['*'] }, '/anything')).toBe(true);
    expect(nonResourceURLMatches({ verbs: ['get'] }, '/')).toBe(false);
  });

  it('matches resources with subresources, */sub wildcards and resource names', () => {
    expect(resourceMatches({ verbs: ['*'], resources: ['serviceaccounts'] }, 'serviceaccounts', 'token')).toBe(false);
    expect(resourceMatches({ verbs: ['*'], resources: ['serviceaccounts/token'] }, 'serviceaccounts', 'token')).toBe(true);
    expect(resourceMatches({ verbs: ['*'], resources: ['*/token'] }, 'serviceaccounts', 'token')).toBe(true);
    expect(resourceMatches({ verbs: ['*'], resources: ['*'] }, 'serviceaccounts', 'token')).toBe(true);
    const named: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['one'] };
    expect(ruleAllows(named, res('get', 'secrets', { name: 'one' }))).toBe(true);
    expect(ruleAllows(named, res('get', 'secrets', { name: 'two' }))).toBe(false);
    expect(ruleAllows(named, res('list', 'secrets'))).toBe(false);
    expect(ruleAllows({ ...named, apiGroups: ['rbac.authorization.k8s.io'] }, res('get', 'secrets', { name: 'one' }))).toBe(false);
  });

  it('never lets a resource rule grant a path or a path rule grant a resource', () => {
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, path('get', '/rest-api/v1/authn'))).toBe(false);
    expect(ruleAllows({ verbs: ['*'], nonResourceURLs: ['*'] }, res('get', 'secrets'))).toBe(false);
  });

  it('matches subjects by kind, defaulting a ServiceAccount namespace to the RoleBinding namespace', () => {
    const user = sa('team', 'bot');
    expect(subjectMatches(user, { kind: 'ServiceAccount', name: 'bot', namespace: 'team' }, undefined)).toBe(true);
    expect(subjectMatches(user, { kind: 'ServiceAccount', name: 'bot' }, 'team')).toBe(true);
    expect(subjectMatches(user, { kind: 'ServiceAccount', name: 'bot' }, undefined)).toBe(false);
    expect(subjectMatches(user, { kind: 'User', name: user.name }, undefined)).toBe(true);
    expect(subjectMatches(user, { kind: 'Group', name: 'system:serviceaccounts:team' }, undefined)).toBe(true);
    expect(subjectMatches(user, { kind: 'Group', name: 'system:serviceaccounts:other' }, undefined)).toBe(false);
  });
});

describe('Karpor preset roles', () => {
  const policy = presetPolicy([bindSa('karpor-admin', 'default', 'karpor-admin'), bindSa('karpor-guest', 'default', 'karpor-guest')]);
  const admin = sa('default', 'karpor-admin');
  const guest = sa('default', 'karpor-guest');
  const nobody = sa('default', 'nobody');

  it('admin may manage clusters, guest may only look, an unbound account may not even log in', () => {
    expect(authorize(policy, admin, path('post', '/rest-api/v1/cluster/c1')).allowed).toBe(true);
    expect(authorize(policy, admin, path('delete', '/rest-api/v1/resource-group-rule/r')).allowed).toBe(true);
    expect(authorize(policy, guest, path('post', '/rest-api/v1/cluster/c1')).allowed).toBe(false);
    expect(authorize(policy, guest, path('get', '/rest-api/v1/cluster/c1')).allowed).toBe(true);
    for (const u of [admin, guest]) expect(authorize(policy, u, path('get', '/rest-api/v1/authn')).allowed).toBe(true);
    expect(authorize(policy, nobody, path('get', '/rest-api/v1/authn')).allowed).toBe(false);
    expect(authorize(policy, nobody, path('get', '/')).allowed).toBe(false);
  });

  it('anonymous gets the UI and GET /rest-api/* but nothing else', () => {
    expect(authorize(policy, anonymous, path('get', '/login')).allowed).toBe(true);
    expect(authorize(policy, anonymous, path('get', '/rest-api/v1/authn')).allowed).toBe(true);
    expect(authorize(policy, anonymous, path('post', '/rest-api/v1/cluster/x')).allowed).toBe(false);
    expect(authorize(policy, anonymous, res('list', 'serviceaccounts')).allowed).toBe(false);
  });

  it('system:masters is a superuser; karpor roles grant no API resources', () => {
    const master: UserInfo = { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };
    expect(authorize(policy, master, res('create', 'serviceaccounts', { subresource: 'token', name: 'x' })).allowed).toBe(true);
    expect(authorize(policy, admin, res('create', 'serviceaccounts')).allowed).toBe(false);
  });
});

describe('RoleBindings', () => {
  const roles = new Map([['team/sa-maker', [{ verbs: ['create'], apiGroups: [''], resources: ['serviceaccounts'] }]]]);
  const rb: Binding = { name: 'b', namespace: 'team', subjects: [{ kind: 'ServiceAccount', name: 'bot' }], roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'sa-maker' } };
  const crRb: Binding = { name: 'c', namespace: 'team', subjects: [{ kind: 'User', name: 'alice' }], roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'karpor-admin' } };
  const policy = presetPolicy([], [rb, crRb], roles);

  it('grant only in their own namespace and never non-resource paths', () => {
    const bot = sa('team', 'bot');
    expect(authorize(policy, bot, res('create', 'serviceaccounts', { namespace: 'team' })).allowed).toBe(true);
    expect(authorize(policy, bot, res('create', 'serviceaccounts', { namespace: 'default' })).allowed).toBe(false);
    expect(authorize(policy, bot, res('create', 'serviceaccounts', { namespace: '' })).allowed).toBe(false);
    expect(authorize(policy, { name: 'alice', groups: [] }, path('get', '/rest-api/v1/authn')).allowed).toBe(false);
  });
});
