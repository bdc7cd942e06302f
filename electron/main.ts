// Karpor Desktop's main process: only wiring. Each piece lives in its capability folder.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, Notification, powerMonitor, safeStorage } from 'electron';
import { createServices } from './services.ts';
import { createDispatcher } from './ipc/dispatch.ts';
import { createHandlers } from './ipc/handlers.ts';
import { forwardEventsToAppWindows, registerIpc } from './ipc/register-ipc.ts';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol.ts';
import { applySecurityPolicy } from './shell/security-policy.ts';
import { acquireSingleInstance } from './shell/single-instance.ts';
import { createMainWindow, createWindowManager } from './shell/main-window.ts';
import { createKubeconfigPicker } from './shell/file-picker.ts';
import { attachCloseToTray } from './desktop/close-to-tray.ts';
import { trayIconPath, windowIconPath, type IconLocation } from './desktop/icon-paths.ts';
import { setupDesktop } from './desktop/setup-desktop.ts';
import { desktopText } from './desktop/desktop-text.ts';
import { userDataDir } from './desktop/user-data-dir.ts';
import { showAtStartup } from './desktop/startup-window.ts';
import { setupNotifications } from './desktop/setup-notifications.ts';
import { cleanupBeforeQuit } from './desktop/quit-cleanup.ts';
import { followForwardingIntent, shouldRestoreForwarding } from './desktop/forward-restore.ts';
import { watchNetworkChanges } from './desktop/network-change.ts';
import { setupTray } from './tray/setup-tray.ts';
import { wireForwardLifecycle } from './forward/forward-lifecycle.ts';
import { createSafeStorageEncryptor } from './accounts/vault/encryptor.ts';
import { setupDashboard } from './dashboard/dashboard-app.ts';

// This file is bundled to dist/main/main.js; the preload and renderer are built beside it.
const distDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const icons: IconLocation = { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };
const log = (line: string): void => console.error(line);

// Until the desktop has been looked at, assume a tray (the common case); start() corrects it.
let trayAvailable = true;
const windows = createWindowManager(() => {
  const win = createMainWindow({ preloadPath: path.join(distDir, 'preload', 'preload.cjs'), iconPath: windowIconPath(icons) });
  attachCloseToTray(app, win, () => trayAvailable);
  return win;
});

// The packaged app's name ("Karpor Desktop") would move userData; pin it to the folder the CLI uses.
app.setPath('userData', userDataDir(process.env, app.getPath('appData')));
app.enableSandbox();
registerAppScheme();
// A second launch during start-up waits for it: the window needs the IPC handlers and the desktop's answers.
let started: Promise<void> | undefined;
if (acquireSingleInstance(() => void started?.then(() => windows.show()))) started = app.whenReady().then(start);
// A tray app keeps running with its window hidden or closed.
app.on('window-all-closed', () => undefined);

async function start(): Promise<void> {
  applySecurityPolicy();
  serveAppProtocol(path.join(distDir, 'renderer'));
  const systemLocale = app.getLocale();
  const services = createServices({
    settingsDir: app.getPath('userData'),
    version: app.getVersion(),
    pickKubeconfigFile: createKubeconfigPicker(() => windows.current(), app.getPath('home')),
    // Kept tokens are sealed by the OS keyring via safeStorage (usable only after whenReady, which we are in).
    accounts: { encryptor: createSafeStorageEncryptor(safeStorage, process.platform), clipboard },
    log,
  });
  const words = desktopText(services.settings.get().settings.preferences.language, systemLocale);
  // Before anything can reach the cluster: exec credential plugins need the login shell's PATH.
  const desktop = await setupDesktop({
    app, settings: services.settings, platform: process.platform, env: process.env, argv: process.argv,
    execPath: process.execPath, homeDir: app.getPath('home'), entry: { name: words('app.name'), comment: words('app.tagline') }, log,
  });
  trayAvailable = desktop.tray.available;
  const noTrayMessageKey = desktop.tray.available ? null : desktop.tray.messageKey;

  const dashboard = setupDashboard({ services, distDir, systemLocale, log });
  const appServices = { ...services, dashboard: dashboard.service, desktop: { status: async () => ({ noTrayMessageKey }) } };
  registerIpc(createDispatcher(createHandlers(appServices), { transport: 'electron' }));
  forwardEventsToAppWindows(services.events);
  const tray = setupTray({
    services,
    iconPath: trayIconPath('stopped', process.platform, icons),
    actions: { openWindow: () => windows.show(), quit: () => app.quit(), openDashboard: (account) => dashboard.openFromTray(account) },
    systemLocale,
    dashboard,
    iconFor: (state) => trayIconPath(state, process.platform, icons),
  });
  const notifications = setupNotifications({ services, Notification, systemLocale, log });
  const stopNetworkWatch = watchNetworkChanges({ read: os.networkInterfaces, onChange: () => void services.forward.recheck().catch(() => undefined) });

  // Registered before the forward's own before-quit hook, so the forwards stopping at quit are not
  // remembered as the user's choice.
  const quit = cleanupBeforeQuit(app, () => [
    // A token copied to the clipboard must not outlive the app.
    () => services.accounts.clipboard?.flush(),
    () => services.forward.dispose(),
    // Windows leaves a dead icon in the notification area unless the tray is destroyed.
    () => tray.destroy(),
    () => dashboard.dispose(),
    () => notifications.dispose(),
    () => stopNetworkWatch(),
    () => desktop.dispose(),
  ], { log });
  followForwardingIntent({ settings: services.settings, events: services.events, forward: services.forward, quitting: quit.quitting, log });
  void wireForwardLifecycle(services.forward, {
    app, powerMonitor, log,
    shouldStart: () => shouldRestoreForwarding(services.settings.get().settings.preferences),
  });
  showAtStartup(desktop.startup, windows);
}
