// What the main window does on close and at start-up. The app lives in the tray, so closing hides
// the window; but where no tray icon can be shown, hiding would strand the user, so the window is
// minimised instead and never starts hidden.

export type CloseAction = 'close' | 'hide' | 'minimize';

/** `quitting`: Quit was chosen (tray menu, app menu, OS shutdown), so the window really closes. */
export function closeAction(input: { quitting: boolean; trayAvailable: boolean }): CloseAction {
  if (input.quitting) return 'close';
  return input.trayAvailable ? 'hide' : 'minimize';
}

export type StartupWindow = 'hidden' | 'minimized' | 'shown';

export function startupWindow(input: { startedAtLogin: boolean; trayAvailable: boolean }): StartupWindow {
  if (!input.startedAtLogin) return 'shown';
  return input.trayAvailable ? 'hidden' : 'minimized';
}
