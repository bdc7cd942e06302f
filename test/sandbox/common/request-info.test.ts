import { describe, expect, it } from 'vitest';
import { fitsScope, forbidden, requestInfo, toAttributes, type RequestInfo, type ResourceRequestInfo } from './request-info.ts';

const info = (method: string, url: string): RequestInfo => requestInfo(method, new URL(url, 'https://h'));
const resourceInfo = (method: string, url: string): ResourceRequestInfo => {
  const i = info(method, url);
  if (!i.resourceRequest) throw new Error(`${url} is not a resource request`);
  return i;
};
const res = (verb: string, resource: string, extra: Partial<ResourceRequestInfo> = {}): ResourceRequestInfo => ({
  resourceRequest: true,
  verb,
  apiGroup: '',
  apiVersion: 'v1',
  namespace: 'default',
  resource,
  subresource: '',
  name: '',
  ...extra,
});
const path = (verb: string, p: string): RequestInfo => ({ resourceRequest: false, verb, path: p });

describe('requestInfo', () => {
  it('derives verb, resource, subresource and namespace like the API server', () => {
    expect(info('POST', '/api/v1/namespaces/default/serviceaccounts/a/token')).toEqual(res('create', 'serviceaccounts', { subresource: 'token', name: 'a' }));
    expect(info('GET', '/api/v1/serviceaccounts')).toEqual(res('list', 'serviceaccounts', { namespace: '' }));
    expect(info('GET', '/api/v1/namespaces/default/serviceaccounts?watch=true')).toEqual(res('watch', 'serviceaccounts'));
    expect(info('DELETE', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/x')).toEqual(
      res('delete', 'clusterrolebindings', { apiGroup: 'rbac.authorization.k8s.io', namespace: '', name: 'x' }),
    );
    expect(info('DELETE', '/api/v1/namespaces/default/pods')).toEqual(res('deletecollection', 'pods'));
    expect(info('PATCH', '/apis/apps/v1/namespaces/karpor/deployments/karpor-server/')).toEqual(
      res('patch', 'deployments', { apiGroup: 'apps', namespace: 'karpor', name: 'karpor-server' }),
    );
  });

  it('gives a Namespace addressed by its own path that namespace, and keeps its status and finalize on it', () => {
    expect(info('GET', '/api/v1/namespaces/karpor')).toEqual(res('get', 'namespaces', { namespace: 'karpor', name: 'karpor' }));
    expect(info('GET', '/api/v1/namespaces')).toEqual(res('list', 'namespaces', { namespace: '' }));
    expect(info('PUT', '/api/v1/namespaces/karpor/finalize')).toEqual(res('update', 'namespaces', { namespace: 'karpor', name: 'karpor', subresource: 'finalize' }));
    expect(info('GET', '/api/v1/namespaces/karpor/status')).toEqual(res('get', 'namespaces', { namespace: 'karpor', name: 'karpor', subresource: 'status' }));
    expect(info('GET', '/api/v1/namespaces/karpor/secrets')).toEqual(res('list', 'secrets', { namespace: 'karpor' }));
  });

  it('reads watch as Go converts a query bool: anything but "false" or "0", even empty, and only without a name', () => {
    for (const q of ['watch', 'watch=', 'watch=1', 'watch=TRUE', 'watch=yes', 'watch=true&watch=false']) {
      expect(resourceInfo('GET', `/api/v1/pods?${q}`).verb, q).toBe('watch');
    }
    for (const q of ['', 'watch=false', 'watch=False', 'watch=0', 'watch=0&watch=1']) {
      expect(resourceInfo('GET', `/api/v1/pods?${q}`).verb, q).toBe('list');
    }
    expect(resourceInfo('GET', '/api/v1/namespaces/default/pods/p?watch=1').verb).toBe('get');
  });

  it('takes the verb from the old /watch/ and /proxy/ path prefixes', () => {
    expect(info('GET', '/api/v1/watch/namespaces/default/pods')).toEqual(res('watch', 'pods'));
    expect(info('GET', '/api/v1/watch/namespaces/default/pods/p')).toEqual(res('watch', 'pods', { name: 'p' }));
    expect(info('GET', '/apis/apps/v1/watch/deployments')).toEqual(res('watch', 'deployments', { apiGroup: 'apps', namespace: '' }));
    expect(info('GET', '/api/v1/proxy/namespaces/default/pods/p/metrics')).toEqual(res('proxy', 'pods', { name: 'p' }));
  });

  it('authorizes a list or watch pinned to one name by a field selector as one for that name', () => {
    expect(resourceInfo('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb&watch=1')).toEqual(res('watch', 'pods', { name: 'web' }));
    expect(resourceInfo('GET', '/api/v1/pods?fieldSelector=status.phase%3DRunning,metadata.name%3D%3Dweb').name).toBe('web');
    expect(resourceInfo('GET', '/api/v1/pods?fieldSelector=metadata.name%3Dw%5C,eb').name).toBe('w,eb');
    for (const selector of ['metadata.name!=web', 'metadata.namespace=web', 'metadata.name=..', 'metadata.name=a/b', 'spec.nodeName=metadata.name']) {
      expect(resourceInfo('GET', `/api/v1/pods?fieldSelector=${encodeURIComponent(selector)}`).name, selector).toBe('');
    }
    // Deletes never read the selector: without a name in the path it is a deletecollection.
    expect(resourceInfo('DELETE', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb')).toEqual(res('deletecollection', 'pods'));
  });

  it('maps HEAD like GET on resources and leaves other methods without a verb', () => {
    expect(info('HEAD', '/api/v1/namespaces/default/pods/p')).toEqual(res('get', 'pods', { name: 'p' }));
    expect(info('HEAD', '/api/v1/namespaces/default/pods')).toEqual(res('list', 'pods'));
    expect(info('OPTIONS', '/api/v1/namespaces/default/pods/p')).toEqual(res('', 'pods', { name: 'p' }));
  });

  it('treats discovery and other paths as non-resource requests with the lowercased method as verb', () => {
    expect(info('GET', '/api')).toEqual(path('get', '/api'));
    expect(info('GET', '/api/v1')).toEqual(path('get', '/api/v1'));
    expect(info('GET', '/apis')).toEqual(path('get', '/apis'));
    expect(info('GET', '/apis/apps/v1')).toEqual(path('get', '/apis/apps/v1'));
    expect(info('POST', '/rest-api/v1/cluster/a')).toEqual(path('post', '/rest-api/v1/cluster/a'));
    expect(info('HEAD', '/healthz')).toEqual(path('head', '/healthz'));
  });

  it('decodes the path before splitting it, as Go does', () => {
    expect(resourceInfo('GET', '/api/v1/namespaces/default/configmaps/a%2Eb').name).toBe('a.b');
    expect(info('GET', '/version%3F')).toEqual(path('get', '/version?'));
    expect(info('GET', '/bad%zz')).toEqual(path('get', '/bad%zz'));
  });
});

describe('fitsScope', () => {
  it('lets only a Namespace path carry a namespace for a cluster-scoped resource', () => {
    expect(fitsScope(resourceInfo('GET', '/api/v1/namespaces/karpor'), false)).toBe(true);
    expect(fitsScope(resourceInfo('GET', '/api/v1/namespaces'), false)).toBe(true);
    expect(fitsScope(resourceInfo('GET', '/apis/rbac.authorization.k8s.io/v1/namespaces/karpor/clusterroles'), false)).toBe(false);
    expect(fitsScope(resourceInfo('GET', '/api/v1/namespaces/karpor/pods'), true)).toBe(true);
  });
});

describe('toAttributes and forbidden', () => {
  it('keep what RBAC and the 403 message need', () => {
    const token = info('POST', '/api/v1/namespaces/team/serviceaccounts/bot/token');
    expect(toAttributes(token)).toEqual({ resourceRequest: true, verb: 'create', apiGroup: '', resource: 'serviceaccounts', subresource: 'token', namespace: 'team', name: 'bot' });
    expect(forbidden('alice', token).message).toBe(
      'serviceaccounts "bot" is forbidden: User "alice" cannot create resource "serviceaccounts/token" in API group "" in the namespace "team"',
    );
    expect(forbidden('alice', info('GET', '/api/v1/namespaces')).message).toBe(
      'namespaces is forbidden: User "alice" cannot list resource "namespaces" in API group "" at the cluster scope',
    );
    expect(forbidden('alice', info('POST', '/rest-api/v1/authn')).message).toBe('forbidden: User "alice" cannot post path "/rest-api/v1/authn"');
  });
});
