// Discovery documents. Aggregated discovery (apidiscovery.k8s.io/v2) is not offered: answering /api and /apis with
// plain application/json makes kubectl fall back to per-group-version discovery, which real old servers also do.
import { RESOURCES, SUBRESOURCES, apiVersionOf } from './resources.ts';

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function groupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) seen.set(apiVersionOf(r), { group: r.group, version: r.version });
  return [...seen.values()];
}

function apiGroup(name: string): Record<string, unknown> {
  const versions = groupVersions()
    .filter((gv) => gv.group === name)
    .map((gv) => ({ groupVersion: apiVersionOf(gv), version: gv.version }));
  return { name, versions, preferredVersion: versions[0] };
}

function resourceList(group: string, version: string): Record<string, unknown> | undefined {
  const own = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (own.length === 0) return undefined;
  const resources = [
    ...own.map((r) => ({
      name: r.name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    })),
    ...SUBRESOURCES.filter((s) => s.group === group && s.version === version).map((s) => ({
      name: s.name,
      singularName: '',
      namespaced: s.namespaced,
      kind: s.kind,
      verbs: s.verbs,
    })),
  ];
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

/** The discovery document for `path`, or undefined when the path is not a discovery path. */
export function discoveryDocument(path: string, serverAddress: string): unknown {
  if (path === '/version' || path === '/version/') return VERSION_INFO;
  if (path === '/api' || path === '/api/') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
  }
  if (path === '/apis' || path === '/apis/') {
    const names = [...new Set(groupVersions().map((gv) => gv.group).filter((g) => g !== ''))];
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: names.map(apiGroup) };
  }
  if (path === '/api/v1') return resourceList('', 'v1');
  const group = /^\/apis\/([^/]+)\/?$/.exec(path);
  if (group?.[1] && groupVersions().some((gv) => gv.group === group[1])) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group[1]) };
  const gv = /^\/apis\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (gv?.[1] && gv[2]) return resourceList(gv[1], gv[2]);
  return undefined;
}
