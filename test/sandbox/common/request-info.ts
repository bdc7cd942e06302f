// What an API request is about, derived as k8s.io/apiserver's RequestInfoFactory does
// (endpoints/request/requestinfo.go): the host API server and the hub route and authorize by it.
import type { RequestAttributes } from '../hub/rbac.ts';
import { forbiddenPath, forbiddenResource, type KubeStatus } from './status.ts';

export interface ResourceRequestInfo {
  resourceRequest: true;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  /** '' for cluster-scoped requests and lists across all namespaces. */
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

export interface NonResourceRequestInfo {
  resourceRequest: false;
  /** The lowercased HTTP method: HEAD is "head", POST is "post". */
  verb: string;
  path: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

/** `/api/v1/watch/...` and `/api/v1/proxy/...` carry the verb in the path; proxy paths have no subresource. */
const PATH_VERBS = new Set(['watch', 'proxy']);
/** `namespaces/<ns>/status` and `/finalize` belong to the Namespace itself, not to a resource inside it. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const METHOD_VERBS: Readonly<Record<string, string>> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** Go's URL.Path is decoded before it is split; a malformed escape (which Go refuses with 400) stays as sent and finds no route. */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** A selector's terms: split at unescaped commas, escapes (`\\`, `\,`, `\=`) kept for splitTerm. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return [...out, s.slice(start)];
}

/** A selector term as Go's fields.splitTerm cuts it: at the first unescaped `!=`, `==` or `=`. */
function splitTerm(term: string): { field: string; op: string; value: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    const op = ['!=', '==', '='].find((o) => term.startsWith(o, i));
    if (op) return { field: term.slice(0, i), op, value: term.slice(i + op.length) };
  }
  return undefined;
}

/** The name a field selector pins (`metadata.name=x`): Kubernetes authorizes such a list or watch as one for that name. */
function pinnedName(selector: string | null): string {
  for (const term of splitTerms(selector ?? '')) {
    const t = splitTerm(term);
    if (t?.field !== 'metadata.name' || t.op === '!=') continue;
    const name = t.value.replace(/\\(.)/g, '$1');
    // path.IsValidPathSegmentName: anything else is not a name an object could have.
    return name === '.' || name === '..' || /[/%]/.test(name) ? '' : name;
  }
  return '';
}

export function requestInfo(method: string, url: URL): RequestInfo {
  const path = decodedPath(url.pathname);
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  let parts = trimmed === '' ? [] : trimmed.split('/');
  let apiGroup = '';
  // `/api`, `/api/v1`, `/apis/<group>` and `/apis/<group>/<version>` are discovery: non-resource requests.
  if (parts[0] === 'api' && parts.length >= 3) parts = parts.slice(1);
  else if (parts[0] === 'apis' && parts.length >= 4) {
    apiGroup = parts[1] ?? '';
    parts = parts.slice(2);
  } else return { resourceRequest: false, verb: method.toLowerCase(), path };

  const [apiVersion = '', ...afterVersion] = parts;
  let rest = afterVersion;
  let verb = METHOD_VERBS[method] ?? '';
  if (PATH_VERBS.has(rest[0] ?? '') && rest.length >= 2) {
    verb = rest[0] ?? '';
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1] ?? '';
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '')) rest = rest.slice(2);
  }
  const [resource = '', pathName = '', third = ''] = rest;
  let name = pathName;
  const subresource = verb === 'proxy' ? '' : third;

  if (name === '' && verb === 'get') {
    // Like Go's bool query conversion: any value but "false" or "0", even an empty one, asks for a watch.
    const watch = url.searchParams.getAll('watch')[0]?.toLowerCase();
    verb = watch === undefined || watch === 'false' || watch === '0' ? 'list' : 'watch';
    name = pinnedName(url.searchParams.get('fieldSelector'));
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';
  return { resourceRequest: true, verb, apiGroup, apiVersion, namespace, resource, subresource, name };
}

/** Whether the path's namespace suits the resource: a cluster-scoped one takes none, except a Namespace addressed as `namespaces/<ns>`. */
export function fitsScope(info: ResourceRequestInfo, namespaced: boolean): boolean {
  return namespaced || info.namespace === '' || (info.resource === 'namespaces' && info.name === info.namespace);
}

export function toAttributes(info: RequestInfo): RequestAttributes {
  if (!info.resourceRequest) return info;
  const { verb, apiGroup, resource, subresource, namespace, name } = info;
  return { resourceRequest: true, verb, apiGroup, resource, subresource, namespace, name };
}

/** The 403 the API server sends when `user` may not make this request. */
export function forbidden(user: string, info: RequestInfo): KubeStatus {
  if (!info.resourceRequest) return forbiddenPath(user, info.verb, info.path);
  const { verb, apiGroup: group, resource, subresource, namespace, name } = info;
  return forbiddenResource({ user, verb, group, resource, subresource, namespace, name });
}
