// Electron adapter of the dispatcher: one ipcMain.handle per contract channel, each checking the
// sender frame first; and events pushed to our own windows.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from './contract.ts';
import type { Dispatch } from './dispatch.ts';
import type { EventBus } from './event-bus.ts';
import { isTrustedSender, type SenderFrame } from './is-trusted-sender.ts';
import { isAppUrl } from '../shell/app-origin.ts';

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the Karpor Desktop window may call the app.' },
};

export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopLevel: frame.parent === null } : null;
}

export function registerIpc(dispatch: Dispatch): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderFrameOf(event))) return forbidden;
      // Every channel takes one argument; a second one is a caller out of step with the contract.
      if (args.length > 1) return { ok: false, error: { code: 'BAD_REQUEST', message: `${channel} takes one argument, got ${args.length}.` } } satisfies Envelope<never>;
      return dispatch(channel, args[0]);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Pushes bus events to every window showing our own page (never to the dashboard window). */
export function forwardEventsToAppWindows(bus: EventBus, windows: () => BrowserWindow[] = () => BrowserWindow.getAllWindows()): () => void {
  return bus.subscribe((event, payload) => {
    for (const win of windows()) {
      const contents = win.webContents;
      if (!win.isDestroyed() && !contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(event, payload);
    }
  });
}
