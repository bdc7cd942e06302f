import { describe, expect, it } from 'vitest';
import { BrowserWindow } from 'electron';
import { createMainWindow, createWindowManager } from '../../../electron/shell/main-window.ts';

type FakeWindow = BrowserWindow & { options: Record<string, unknown>; calls: string[]; destroyed: boolean; minimized: boolean; emit(e: string): boolean };

describe('main window', () => {
  it('is isolated, sandboxed, without Node, and loads the app page through the preload', () => {
    const win = createMainWindow({ preloadPath: '/dist/preload/preload.cjs' }) as FakeWindow;
    expect(win.options.webPreferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: '/dist/preload/preload.cjs' });
    expect(win.options.show).toBe(false);
    expect(win.calls).toContain('loadURL app://karpor/index.html');
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('is created once, re-created when destroyed, restored and focused on show', () => {
    let created = 0;
    const windows = createWindowManager(() => {
      created += 1;
      return new BrowserWindow() as BrowserWindow;
    });
    expect(windows.current()).toBeUndefined();
    windows.show();
    windows.show();
    expect(created).toBe(1);
    const win = windows.current() as FakeWindow;
    win.minimized = true;
    windows.show();
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    win.destroyed = true;
    expect(windows.current()).toBeUndefined();
    windows.show();
    expect(created).toBe(2);
  });
});
