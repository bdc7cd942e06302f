// The renderer's one way to reach main: the preload's `window.karpor` inside the app, else the
// dev bridge (the renderer in an ordinary browser, `npm run dev:web`).
import type { Envelope, EventName, KarporApi } from '../../../electron/ipc/contract.ts';
import { createApi } from './create-api.ts';
import { createBridgeClient } from './bridge-client.ts';
import { toApiError } from './api-error.ts';

export { ApiError } from './api-error.ts';
export type { KarporApi } from '../../../electron/ipc/contract.ts';

const SESSION_KEY = 'karpor-bridge-secret';

declare global {
  interface Window {
    karpor?: KarporApi;
  }
}

/** Wraps the preload's functions so their rejections become ApiError instances like the bridge's. */
function fromPreload(exposed: KarporApi): KarporApi {
  const byName = exposed as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const invoke = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    const [domain = '', action = ''] = channel.split(':');
    try {
      const call = byName[domain]?.[action];
      if (!call) return { ok: false, error: { code: 'BAD_REQUEST', message: `Unknown channel "${channel}".` } };
      return { ok: true, value: await call(input) };
    } catch (reason) {
      const error = toApiError(reason);
      return { ok: false, error: error.hint ? { code: error.code, message: error.message, hint: error.hint } : { code: error.code, message: error.message } };
    }
  };
  return createApi(invoke, (event: EventName, listener) => exposed.on(event, listener));
}

/** The secret comes once in `#bridge=...`; keep it for reloads and take it out of the address bar. */
function bridgeSecret(): string {
  const match = /(?:^#|&)bridge=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SESSION_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(SESSION_KEY) ?? '';
}

export const api: KarporApi = window.karpor
  ? fromPreload(window.karpor)
  : createBridgeClient({ baseUrl: location.origin, secret: bridgeSecret() });
