// The dashboard inside the Electron app: windows, the service wired onto the app's forward and
// accounts, and "open when forwarding first becomes ready". main.ts calls this once.
import path from 'node:path';
import { Notification, shell } from 'electron';
import type { Services } from '../services.ts';
import { toIpcError } from '../ipc/app-error.ts';
import { formatAccountRef } from './account-ref.ts';
import { createDashboardWindows, type DashboardWindows } from './dashboard-window.ts';
import { controllerForwardPort, wireDashboardService } from './dashboard-wiring.ts';
import type { DashboardService } from './dashboard-service.ts';
import { openWhenFirstReady } from './open-when-ready.ts';
import { openAfterMint } from './open-after-mint.ts';
import { dashboardText } from './dashboard-text.ts';
import type { DashboardMenuState } from './dashboard-menu.ts';

export interface DashboardApp {
  service: DashboardService;
  windows: DashboardWindows;
  /** Open and, on failure, tell the user (for the tray, which has nobody to return an error to). */
  openFromTray(account?: string): void;
  /** What the tray's dashboard entries show: the hub's accounts and RBAC mode (unknown while the hub is unreachable). */
  menuState(): Promise<DashboardMenuState>;
  dispose(): void;
}

export function setupDashboard(options: {
  services: Pick<Services, 'accounts' | 'settings' | 'forward' | 'events'>;
  /** The folder holding dashboard/preload.cjs (dist/). */
  distDir: string;
  /** The OS locale (app.getLocale()), for the "system" language setting. */
  systemLocale: string;
  /** Default: a desktop notification. */
  notify?: (title: string, body: string) => void;
  log?: (line: string) => void;
}): DashboardApp {
  const { services } = options;
  // Electron may drop a notification whose object is collected before it shows: keep the last few.
  const shown: Notification[] = [];
  const notify =
    options.notify ??
    ((title: string, body: string): void => {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body });
      shown.push(n);
      if (shown.length > 5) shown.shift();
      n.show();
    });
  const forward = controllerForwardPort(services.forward, services.events);
  const preferences = () => services.settings.get().settings.preferences;
  const text = () => dashboardText(preferences().language, options.systemLocale);
  const windows = createDashboardWindows({
    preloadPath: path.join(options.distDir, 'dashboard', 'preload.cjs'),
    trustedFingerprint: () => {
      const state = forward.state();
      return state.status === 'ready' ? state.hubCertFingerprint256 : null;
    },
    remint: async (account) => {
      await service.open({ account: formatAccountRef(account), target: 'app', forceMint: true });
    },
    log: options.log,
    text,
  });
  const service = wireDashboardService({
    forward,
    accounts: services.accounts,
    settings: services.settings,
    openInApp: (request) => windows.show(request),
    openExternal: (url) => shell.openExternal(url),
    notify,
    onKeptMint: (id) => afterMint.ownMint(id),
    text,
  });
  const openFromTray = (account?: string): void => {
    service.open(account === undefined ? {} : { account }).catch((err: unknown) => {
      const e = toIpcError(err);
      notify(text().title, e.hint ? `${e.message} ${e.hint}` : e.message);
    });
  };
  const stopWatching = openWhenFirstReady(forward, () => preferences().dashboardOpenWhenReady, () => openFromTray());
  const afterMint = openAfterMint(services.accounts.vault, () => preferences().dashboardAutoOpenAfterMint, (account) => openFromTray(account));
  return {
    service,
    windows,
    openFromTray,
    async menuState() {
      const defaultAccount = preferences().dashboardDefaultAccount;
      try {
        const [status, list] = await Promise.all([services.accounts.hub.status(), services.accounts.accounts.list()]);
        return { rbacEnabled: status.rbacEnabled, defaultAccount, accounts: list.map((a) => formatAccountRef({ namespace: a.namespace, name: a.name })) };
      } catch {
        return { rbacEnabled: null, defaultAccount, accounts: [] };
      }
    },
    dispose() {
      stopWatching();
      afterMint.dispose();
      windows.closeAll();
    },
  };
}
