import { API_GROUPS, RESOURCE_VERBS, RESOURCES } from './resources.ts';

/** Legacy (non-aggregated) discovery documents; kubectl falls back to them when `/api` is not aggregated. */

export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: API_GROUPS.map(({ group, version }) => {
      const gv = { groupVersion: `${group}/${version}`, version };
      return { name: group, versions: [gv], preferredVersion: gv };
    }),
  };
}

/** The APIResourceList of one group version, or undefined when the hub does not serve it. */
export function apiResourceList(group: string, version: string): unknown {
  const served = group === '' ? version === 'v1' : API_GROUPS.some((g) => g.group === group && g.version === version);
  if (!served) return undefined;
  const resources: unknown[] = [];
  for (const r of RESOURCES.filter((d) => d.group === group && d.version === version)) {
    resources.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: RESOURCE_VERBS,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    });
    if (r.kind === 'ServiceAccount') {
      resources.push({ name: 'serviceaccounts/token', singularName: '', namespaced: true, group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function versionInfo(): unknown {
  // Karpor's hub reports 1.0 (it is a generic API server without a Kubernetes version of its own).
  return { major: '1', minor: '0', gitVersion: 'v1.0.0', gitCommit: '', gitTreeState: 'clean', buildDate: '1970-01-01T00:00:00Z', goVersion: 'go1.22.0', compiler: 'gc', platform: 'linux/amd64' };
}
