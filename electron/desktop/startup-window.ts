// Shows (or not) the main window at start-up as window-policy.ts decided: hidden in the tray after a
// login launch, minimised there when no tray can be seen (so the window stays reachable), else shown.
import type { StartupWindow } from './window-policy.ts';

export interface StartupWindows {
  show(): void;
  current(): { minimize(): void; once(event: 'ready-to-show', listener: () => void): unknown } | undefined;
}

export function showAtStartup(startup: StartupWindow, windows: StartupWindows): void {
  if (startup === 'hidden') return;
  windows.show();
  // The window shows itself when ready; minimise after that, or the show would undo it.
  if (startup === 'minimized') windows.current()?.once('ready-to-show', () => windows.current()?.minimize());
}
