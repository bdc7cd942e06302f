// Close-to-tray through the Electron fakes: a window close hides (or minimises without a tray)
// until the app is quitting.
import { describe, expect, it } from 'vitest';
import { app, BrowserWindow } from 'electron';
import { attachCloseToTray } from '../../electron/desktop/close-to-tray.ts';
import { closeAction, startupWindow } from '../../electron/desktop/window-policy.ts';

interface FakeWindow { calls: string[]; destroyed: boolean; close(): void }
interface FakeApp { emit(event: string): boolean }
const newWindow = (): FakeWindow & InstanceType<typeof BrowserWindow> => new BrowserWindow() as FakeWindow & InstanceType<typeof BrowserWindow>;

describe('window policy', () => {
  it('hides on close with a tray, minimises without one, closes when quitting', () => {
    expect(closeAction({ quitting: false, trayAvailable: true })).toBe('hide');
    expect(closeAction({ quitting: false, trayAvailable: false })).toBe('minimize');
    expect(closeAction({ quitting: true, trayAvailable: true })).toBe('close');
    expect(closeAction({ quitting: true, trayAvailable: false })).toBe('close');
  });
  it('starts hidden only when launched at login and a tray can show the app', () => {
    expect(startupWindow({ startedAtLogin: true, trayAvailable: true })).toBe('hidden');
    expect(startupWindow({ startedAtLogin: true, trayAvailable: false })).toBe('minimized');
    expect(startupWindow({ startedAtLogin: false, trayAvailable: true })).toBe('shown');
    expect(startupWindow({ startedAtLogin: false, trayAvailable: false })).toBe('shown');
  });
});

describe('attachCloseToTray', () => {
  it('keeps the window (hidden) when closed, then lets it close once Quit was chosen', () => {
    const win = newWindow();
    attachCloseToTray(app, win, () => true);
    win.close();
    expect(win.calls).toEqual(['hide']);
    expect(win.destroyed).toBe(false);

    (app as unknown as FakeApp).emit('before-quit');
    win.close();
    expect(win.calls).toEqual(['hide']);
    expect(win.destroyed).toBe(true);
  });

  it('minimises instead of hiding when no tray icon can be shown', () => {
    const win = newWindow();
    let tray = false;
    attachCloseToTray(app, win, () => tray);
    win.close();
    tray = true; // e.g. the AppIndicator extension was enabled meanwhile
    win.close();
    expect(win.calls).toEqual(['minimize', 'hide']);
    expect(win.destroyed).toBe(false);
  });
});
