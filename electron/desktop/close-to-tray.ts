// Wires window-policy.ts to Electron: remembers when the app is quitting and turns a window close
// into hide/minimise otherwise. Types are structural so the shell passes the real app and window.
import { closeAction } from './window-policy.ts';

interface CloseEvent { preventDefault(): void }
export interface ClosableWindow {
  on(event: 'close', listener: (event: CloseEvent) => void): unknown;
  hide(): void;
  minimize(): void;
}
export interface QuittingApp {
  on(event: 'before-quit', listener: () => void): unknown;
}

export function attachCloseToTray(app: QuittingApp, window: ClosableWindow, isTrayAvailable: () => boolean): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    const action = closeAction({ quitting, trayAvailable: isTrayAvailable() });
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'hide') window.hide();
    else window.minimize();
  });
}
