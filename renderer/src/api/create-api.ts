// Builds the nested `api.domain.action(input)` object from one generic `invoke`, with a Proxy so
// the renderer needs no runtime copy of the contract (it imports types only).
import type { Envelope, EventName, KarporApi } from '../../../electron/ipc/contract.ts';
import { ApiError } from './api-error.ts';

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function createApi(invoke: Invoke, subscribe: Subscribe): KarporApi {
  const domains = new Map<string, object>();
  const domainProxy = (domain: string): object =>
    new Proxy({}, {
      get(_target, action) {
        if (typeof action !== 'string' || action === 'then') return undefined;
        return async (input?: unknown) => {
          const envelope = await invoke(`${domain}:${action}`, input);
          if (!envelope.ok) throw new ApiError(envelope.error);
          return envelope.value;
        };
      },
    });
  return new Proxy({}, {
    get(_target, domain) {
      // `then` must stay undefined, or `await api` would treat the api as a promise.
      if (typeof domain !== 'string' || domain === 'then') return undefined;
      if (domain === 'on') return subscribe;
      let proxy = domains.get(domain);
      if (!proxy) domains.set(domain, (proxy = domainProxy(domain)));
      return proxy;
    },
  }) as KarporApi;
}
