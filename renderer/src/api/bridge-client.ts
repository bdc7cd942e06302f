// The api over the dev bridge (HTTP for calls, one WebSocket for events): the renderer in an
// ordinary browser, backed by the real main-process services. Never used inside the app.
import type { Envelope, EventName, KarporApi } from '../../../electron/ipc/contract.ts';
import { createApi } from './create-api.ts';

export const SECRET_HEADER = 'X-Karpor-Bridge-Secret';

export interface BridgeClientOptions {
  /** `http://127.0.0.1:<port>`; the page's own origin in the browser. */
  baseUrl: string;
  secret: string;
  fetchImpl?: typeof fetch;
  WebSocketImpl?: typeof WebSocket;
}

export function createBridgeClient(options: BridgeClientOptions): KarporApi {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const WebSocketImpl = options.WebSocketImpl ?? WebSocket;

  const invoke = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    const response = await fetchImpl(`${options.baseUrl}/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: options.secret },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as Envelope<unknown>;
  };

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retries = 0;
  const connect = (): void => {
    const ws = new WebSocketImpl(`${options.baseUrl.replace(/^http/, 'ws')}/events`);
    socket = ws;
    ws.addEventListener('open', () => {
      retries = 0;
      ws.send(JSON.stringify({ secret: options.secret }));
    });
    ws.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as { event: EventName; payload: unknown };
      for (const listener of [...(listeners.get(data.event) ?? [])]) listener(data.payload);
    });
    ws.addEventListener('close', () => {
      socket = null;
      // The bridge restarts during development: reconnect a bounded number of times while someone listens.
      if ([...listeners.values()].some((set) => set.size > 0) && retries < 20) {
        retries += 1;
        setTimeout(connect, Math.min(500 * retries, 5000));
      }
    });
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (!socket) connect();
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((s) => s.size === 0)) {
        socket?.close();
        socket = null;
      }
    };
  };

  return createApi(invoke, subscribe);
}
