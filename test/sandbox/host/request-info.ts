// Splits an API URL into the attributes authorization and routing use, like k8s.io/apiserver's RequestInfoFactory.

export interface ResourceInfo {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  verb: string;
}

export function resourceInfo(method: string, url: URL): ResourceInfo | undefined {
  const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let rest: string[];
  let group = '';
  let version: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else return undefined;

  let namespace: string | undefined;
  // `/namespaces/{ns}` alone is the namespace object itself; `/namespaces/{ns}/{resource}` is a namespaced request.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource) return undefined;

  const watch = ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
  const verbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: name ? 'delete' : 'deletecollection' };
  const verb = method === 'GET' || method === 'HEAD' ? (watch ? 'watch' : name ? 'get' : 'list') : (verbs[method] ?? method.toLowerCase());
  return {
    group,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    resource,
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
    verb,
  };
}
