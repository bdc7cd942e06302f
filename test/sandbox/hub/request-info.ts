import type { RequestAttributes } from './rbac.ts';

/** What k8s.io/apiserver's RequestInfoFactory derives from a request, reduced to what the hub routes and authorizes. */
export interface ResourceRequestInfo {
  resourceRequest: true;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

export interface NonResourceRequestInfo {
  resourceRequest: false;
  verb: string;
  path: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

/** Lowercased method for non-resource paths, as the API server does (POST is "post", not "create"). */
function nonResource(method: string, path: string): NonResourceRequestInfo {
  return { resourceRequest: false, verb: method.toLowerCase() === 'head' ? 'get' : method.toLowerCase(), path };
}

export function requestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else {
    return nonResource(method, path);
  }
  // `/api/v1` and `/apis/g/v` are discovery documents: non-resource requests.
  if (rest.length === 0) return nonResource(method, path);

  let namespace = '';
  // `namespaces/<ns>/<resource>...` is namespaced; `namespaces` and `namespaces/<ns>` are the Namespace resource itself.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1] ?? '';
    rest = rest.slice(2);
  } else if (rest[0] === 'namespaces' && rest.length === 2) {
    namespace = rest[1] ?? '';
  }
  const resource = rest[0] ?? '';
  const name = rest[1] ?? '';
  const subresource = rest[2] ?? '';

  const m = method.toUpperCase();
  const watch = url.searchParams.get('watch');
  let verb: string;
  if (m === 'GET' || m === 'HEAD') verb = name ? 'get' : watch === 'true' || watch === '1' ? 'watch' : 'list';
  else if (m === 'POST') verb = 'create';
  else if (m === 'PUT') verb = 'update';
  else if (m === 'PATCH') verb = 'patch';
  else if (m === 'DELETE') verb = name ? 'delete' : 'deletecollection';
  else verb = m.toLowerCase();
  return { resourceRequest: true, verb, apiGroup: group, apiVersion: version, namespace, resource, subresource, name };
}

export function toAttributes(info: RequestInfo): RequestAttributes {
  if (!info.resourceRequest) return info;
  return {
    resourceRequest: true,
    verb: info.verb,
    apiGroup: info.apiGroup,
    resource: info.resource,
    subresource: info.subresource,
    namespace: info.namespace,
    name: info.name,
  };
}
