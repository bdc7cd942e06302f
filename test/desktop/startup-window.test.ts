// showAtStartup through the Electron fake's BrowserWindow and the real window manager.
import { describe, expect, it } from 'vitest';
import { BrowserWindow } from 'electron';
import { createWindowManager } from '../../electron/shell/main-window.ts';
import { showAtStartup } from '../../electron/desktop/startup-window.ts';

type FakeWindow = BrowserWindow & { calls: string[] };

function manager() {
  const created: FakeWindow[] = [];
  const windows = createWindowManager(() => {
    const win = new BrowserWindow() as FakeWindow;
    win.once('ready-to-show', () => win.show());
    created.push(win);
    return win;
  });
  return { windows, created };
}

describe('showAtStartup', () => {
  it('creates no window when starting hidden in the tray', () => {
    const { windows, created } = manager();
    showAtStartup('hidden', windows);
    expect(created).toEqual([]);
  });

  it('shows the window on a normal start', () => {
    const { windows, created } = manager();
    showAtStartup('shown', windows);
    expect(created[0]?.calls).toContain('show');
    created[0]?.emit('ready-to-show');
    expect(created[0]?.calls).not.toContain('minimize');
  });

  it('minimises after the window has shown itself when there is no tray to start hidden in', () => {
    const { windows, created } = manager();
    showAtStartup('minimized', windows);
    created[0]?.emit('ready-to-show');
    expect(created[0]?.calls.slice(-2)).toEqual(['show', 'minimize']);
  });
});
