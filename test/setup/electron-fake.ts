// Thin stand-ins for the Electron APIs the main process touches. They record calls so tests
// can assert what the shell asked Electron to do; no logic of ours lives here.
import { EventEmitter } from 'node:events';

const appEvents = new EventEmitter();
export const app = {
  getVersion: () => '0.0.0-test',
  getPath: (_name: string) => '/tmp/karpor-desktop-test',
  getLocale: () => 'en-US',
  isReady: () => true,
  whenReady: async () => undefined,
  on: (event: string, listener: (...args: unknown[]) => void) => { appEvents.on(event, listener); return app; },
  quit: () => undefined,
  /** Test helper: fires an app event (e.g. 'before-quit') to the listeners registered with `on`. */
  emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  loginItemCalls: [] as unknown[],
  setLoginItemSettings: (settings: unknown) => { app.loginItemCalls.push(settings); },
  getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
};

/** Records every notification shown; `supported` stands in for the platform's answer. */
export class Notification {
  static supported = true;
  static shown: { title: string; body: string }[] = [];
  static isSupported = (): boolean => Notification.supported;
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) { this.options = options; }
  show(): void { Notification.shown.push(this.options); }
}

/** Records what was asked of a window; `close()` runs the 'close' listeners as Electron does. */
export class BrowserWindow extends EventEmitter {
  readonly calls: string[] = [];
  destroyed = false;
  hide(): void { this.calls.push('hide'); }
  minimize(): void { this.calls.push('minimize'); }
  show(): void { this.calls.push('show'); }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.destroyed = true;
  }
}
export default { app, Notification, BrowserWindow };
