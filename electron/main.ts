// Karpor Desktop's main process: only wiring. Each piece lives in its capability folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, powerMonitor, safeStorage } from 'electron';
import { createServices, type Services } from './services.ts';
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
import { setupTray } from './tray/setup-tray.ts';
import { wireForwardLifecycle } from './forward/forward-lifecycle.ts';
import { APP_DIR_NAME } from './store/settings-dir.ts';
import { createSafeStorageEncryptor } from './accounts/vault/encryptor.ts';
import { setupDashboard } from './dashboard/dashboard-app.ts';
import type { DashboardService } from './dashboard/dashboard-service.ts';

// This file is bundled to dist/main/main.js; the preload and renderer are built beside it.
const distDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const icons: IconLocation = { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };

const windows = createWindowManager(() => {
  const win = createMainWindow({ preloadPath: path.join(distDir, 'preload', 'preload.cjs'), iconPath: windowIconPath(icons) });
  attachCloseToTray(app, win, () => true);
  return win;
});

// The packaged app's name ("Karpor Desktop") would move userData; pin it to the folder the CLI uses.
app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));
app.enableSandbox();
registerAppScheme();
if (acquireSingleInstance(() => windows.show())) void app.whenReady().then(start);
// A tray app keeps running with its window hidden or closed.
app.on('window-all-closed', () => undefined);

function start(): void {
  applySecurityPolicy();
  serveAppProtocol(path.join(distDir, 'renderer'));
  const services = createServices({
    settingsDir: app.getPath('userData'),
    version: app.getVersion(),
    pickKubeconfigFile: createKubeconfigPicker(() => windows.current(), app.getPath('home')),
    // Kept tokens are sealed by the OS keyring via safeStorage (usable only after whenReady, which we are in).
    accounts: { encryptor: createSafeStorageEncryptor(safeStorage, process.platform), clipboard },
  });
  const dashboard = setupDashboard({ services, distDir, systemLocale: app.getLocale() });
  const withDashboard: Services & { dashboard: DashboardService } = { ...services, dashboard: dashboard.service };
  registerIpc(createDispatcher(createHandlers(withDashboard), { transport: 'electron' }));
  forwardEventsToAppWindows(services.events);
  const tray = setupTray({
    services,
    iconPath: trayIconPath('stopped', process.platform, icons),
    actions: { openWindow: () => windows.show(), quit: () => app.quit(), openDashboard: (account) => dashboard.openFromTray(account) },
    systemLocale: app.getLocale(),
    dashboard,
    iconFor: (state) => trayIconPath(state, process.platform, icons),
  });
  void wireForwardLifecycle(services.forward, { app, powerMonitor });
  // Windows leaves a dead icon in the notification area unless the tray is destroyed.
  app.on('before-quit', () => {
    tray.destroy();
    dashboard.dispose();
  });
  windows.show();
}
