// The main window: created on demand, recreated if it was destroyed, shown and focused on request.
import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './app-origin.ts';

export function createMainWindow(options: { preloadPath: string; iconPath?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Karpor Desktop',
    icon: options.iconPath,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: options.preloadPath,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

export interface WindowManager {
  /** Shows the window, creating it if needed, and brings it to the front. */
  show(): void;
  current(): BrowserWindow | undefined;
}

export function createWindowManager(create: () => BrowserWindow): WindowManager {
  let win: BrowserWindow | undefined;
  return {
    show() {
      if (!win || win.isDestroyed()) win = create();
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    current: () => (win && !win.isDestroyed() ? win : undefined),
  };
}
