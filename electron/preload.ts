// The window's only door to main: `window.karpor`, named functions built from the contract's
// channel names (never ipcRenderer itself). Bundled to one CommonJS file: sandboxed preloads
// cannot load other files.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, type Envelope, type EventName } from './ipc/contract.ts';

async function call(channel: string, input: unknown): Promise<unknown> {
  const envelope = (await ipcRenderer.invoke(channel, input)) as Envelope<unknown>;
  if (envelope.ok) return envelope.value;
  // contextBridge drops the custom properties of an Error, so reject with the plain
  // {code, message, hint}; renderer/src/api turns it into an ApiError.
  return Promise.reject({ ...envelope.error });
}

function buildApi(): Record<string, unknown> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [domain = '', action = ''] = channel.split(':');
    (api[domain] ??= {})[action] = (input?: unknown) => call(channel, input);
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event "${String(event)}".`);
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, relay);
    return () => ipcRenderer.removeListener(event, relay);
  };
  return { ...api, on };
}

contextBridge.exposeInMainWorld('karpor', buildApi());
