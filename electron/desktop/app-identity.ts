// The names the operating systems know the app by. They must agree with electron-builder.yml
// (appId) and package.json (desktopName); test/desktop/app-identity.test.ts holds them together.

/** electron-builder's appId: macOS bundle id, Windows AppUserModelID (toasts need it to show). */
export const APP_ID = 'io.kusionstack.karpor.desktop';

/** Linux: .desktop file name without its suffix, icon name, and the app_id/WM_CLASS Electron sets. */
export const DESKTOP_NAME = 'karpor-desktop';
