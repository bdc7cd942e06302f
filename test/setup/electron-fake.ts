// Thin stand-ins for the Electron APIs the main process touches. They record calls so tests
// can assert what the shell asked Electron to do; no logic of ours lives here.
import { EventEmitter } from 'node:events';

const appEvents = new EventEmitter();
export const app = {
  getVersion: () => '0.0.0-test',
  getPath: (_name: string) => '/tmp/karpor-desktop-test',
  setPathCalls: [] as [string, string][],
  setPath: (name: string, value: string) => { app.setPathCalls.push([name, value]); },
  getLocale: () => 'en-US',
  isReady: () => true,
  whenReady: async () => undefined,
  on: (event: string, listener: (...args: unknown[]) => void) => { appEvents.on(event, listener); return app; },
  quit: () => { app.quitCalls += 1; },
  quitCalls: 0,
  isPackaged: false,
  getAppPath: () => '/tmp/karpor-desktop-app',
  sandboxEnabled: false,
  enableSandbox: () => { app.sandboxEnabled = true; },
  /** Set to false to play a second instance. */
  singleInstanceLock: true,
  requestSingleInstanceLock: () => app.singleInstanceLock,
  /** Test helper: fires an app event (e.g. 'before-quit') to the listeners registered with `on`. */
  emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  loginItemCalls: [] as unknown[],
  setLoginItemSettings: (settings: unknown) => { app.loginItemCalls.push(settings); },
  getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
  appUserModelId: null as string | null,
  setAppUserModelId: (id: string) => { app.appUserModelId = id; },
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
  static instances: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.instances.filter((w) => !w.destroyed);
  readonly calls: string[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new WebContents();
  destroyed = false;
  minimized = false;
  constructor(options: Record<string, unknown> = {}) { super(); this.options = options; BrowserWindow.instances.push(this); }
  loadURL(url: string): Promise<void> { this.calls.push(`loadURL ${url}`); this.webContents.url = url; return Promise.resolve(); }
  isDestroyed(): boolean { return this.destroyed; }
  isMinimized(): boolean { return this.minimized; }
  restore(): void { this.calls.push('restore'); }
  focus(): void { this.calls.push('focus'); }
  hide(): void { this.calls.push('hide'); }
  minimize(): void { this.calls.push('minimize'); }
  show(): void { this.calls.push('show'); }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.destroyed = true;
  }
}
/** A web contents: records sent messages; its events are fired by tests with emit(). */
export class WebContents extends EventEmitter {
  static nextId = 1;
  /** Unique per contents, as Electron's webContents.id. */
  readonly id = WebContents.nextId++;
  url = '';
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** Per-contents IPC (webContents.ipc): tests emit on it as a renderer would send. */
  readonly ipc = new EventEmitter();
  getURL(): string { return this.url; }
  isDestroyed(): boolean { return false; }
  send(channel: string, payload: unknown): void { this.sent.push({ channel, payload }); }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void { this.windowOpenHandler = handler; }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;
/** Handlers registered with handle(); tests call them with a fake event. */
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: (channel: string, handler: Handler) => { ipcMain.handlers.set(channel, handler); },
  removeHandler: (channel: string) => { ipcMain.handlers.delete(channel); },
};

/** invoke() rejects until a test routes it (vi.spyOn); on/removeListener use a plain emitter. */
const rendererEvents = new EventEmitter();
export const ipcRenderer = {
  invoke: async (_channel: string, ..._args: unknown[]): Promise<unknown> => { throw new Error('ipcRenderer.invoke is not routed in this test'); },
  on: (channel: string, listener: (...args: unknown[]) => void) => { rendererEvents.on(channel, listener); return ipcRenderer; },
  removeListener: (channel: string, listener: (...args: unknown[]) => void) => { rendererEvents.removeListener(channel, listener); return ipcRenderer; },
  /** Test helper: main sending an event to this renderer. */
  emit: (channel: string, payload: unknown) => rendererEvents.emit(channel, {}, payload),
  listenerCount: (channel: string) => rendererEvents.listenerCount(channel),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: (key: string, api: unknown) => { contextBridge.exposed.set(key, api); },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  readonly image: string;
  tooltip = '';
  menus: { template: unknown[] }[] = [];
  destroyed = false;
  constructor(image: string) { super(); this.image = image; Tray.instances.push(this); }
  setToolTip(text: string): void { this.tooltip = text; }
  images: string[] = [];
  setImage(image: string): void { this.images.push(image); }
  setContextMenu(menu: { template: unknown[] }): void { this.menus.push(menu); }
  destroy(): void { this.destroyed = true; }
}

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string }) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: (schemes: unknown[]) => { protocol.privileged.push(...schemes); },
  handle: (scheme: string, handler: (request: { url: string }) => Promise<Response> | Response) => { protocol.handlers.set(scheme, handler); },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
/** A partition's session (session.fromPartition): records its handlers; tests emit its events. */
export class Session extends EventEmitter {
  readonly partition: string;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  constructor(partition: string) { super(); this.partition = partition; }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void { this.permissionRequestHandler = handler; }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void { this.permissionCheckHandler = handler; }
}
export const session = {
  partitions: new Map<string, Session>(),
  fromPartition: (partition: string): Session => {
    const existing = session.partitions.get(partition);
    if (existing) return existing;
    const created = new Session(partition);
    session.partitions.set(partition, created);
    return created;
  },
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => { session.defaultSession.permissionRequestHandler = handler; },
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => { session.defaultSession.permissionCheckHandler = handler; },
  },
};

/** `nextOpenResult` is what the next showOpenDialog resolves to. */
export const dialog = {
  openCalls: [] as unknown[][],
  nextOpenResult: { canceled: true, filePaths: [] as string[] },
  showOpenDialog: async (...args: unknown[]) => { dialog.openCalls.push(args); return dialog.nextOpenResult; },
  messageCalls: [] as unknown[][],
  /** Index of the button the next showMessageBox "clicks". */
  nextMessageResponse: 0,
  showMessageBox: async (...args: unknown[]) => { dialog.messageCalls.push(args); return { response: dialog.nextMessageResponse, checkboxChecked: false }; },
};

export const shell = {
  opened: [] as string[],
  openExternal: async (url: string) => { shell.opened.push(url); },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });

export const safeStorage = {
  available: true,
  isEncryptionAvailable: () => safeStorage.available,
  isAsyncEncryptionAvailable: async () => safeStorage.available,
  /** Not encryption: a marked copy, so tests can tell sealed bytes from plain ones. */
  encryptStringAsync: async (text: string) => Buffer.from(`fake-sealed:${text}`),
  decryptStringAsync: async (data: Buffer) => ({ result: data.toString().replace(/^fake-sealed:/, ''), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

export const clipboard = {
  text: '',
  writeText: (text: string) => { clipboard.text = text; },
  readText: () => clipboard.text,
  clear: () => { clipboard.text = ''; },
};

export const net = {
  fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, init),
};

/** Emit 'resume', 'unlock-screen'... from tests. */
export const powerMonitor = new EventEmitter();

export default { powerMonitor, app, Notification, BrowserWindow, WebContents, Session, ipcMain, ipcRenderer, contextBridge, Menu, Tray, protocol, session, dialog, shell, nativeTheme, safeStorage, clipboard, net };
