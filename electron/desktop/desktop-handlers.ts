// IPC handlers of the desktop shell (what the window must say about the desktop it runs on).
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';
import type { DesktopStatus } from './desktop-channels.ts';

export interface DesktopStatusSource {
  /** Settles once the desktop has been looked at (tray probe), early in start-up. */
  status(): Promise<DesktopStatus>;
}

/** `desktop` is absent outside the Electron app (the dev bridge, the CLI): there is no tray to miss there. */
export function desktopHandlers(services: Services & { desktop?: DesktopStatusSource }): Pick<HandlerTable, 'app:desktopStatus'> {
  return {
    'app:desktopStatus': async () => (services.desktop ? services.desktop.status() : { noTrayMessageKey: null }),
  };
}
