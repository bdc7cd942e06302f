// The tray wired to the services: its menu follows the settings (active profile, language).
import type { Services } from '../services.ts';
import { createTrayController, type TrayController } from './tray-controller.ts';
import { trayLabelsFor } from './tray-labels.ts';
import { trayStateFromSettings, type TrayActions, type TrayState } from './tray-menu.ts';
import type { SettingsView } from '../store/settings-service.ts';
import type { DashboardMenuState } from '../dashboard/dashboard-menu.ts';
import type { TrayIconState } from '../desktop/icon-paths.ts';
import { forwardIconState, forwardTooltip } from '../forward/forward-menu.ts';

export function setupTray(options: {
  services: Services;
  iconPath: string;
  actions: TrayActions;
  systemLocale: string;
  /** The dashboard entries' state (hub accounts), read again when settings or the forward change. */
  dashboard?: { menuState(): Promise<DashboardMenuState> };
  /** Icon file per forward state; the icon follows the active profile's forward when given. */
  iconFor?: (state: TrayIconState) => string;
}): TrayController {
  const { services, systemLocale } = options;
  const view = services.settings.get();
  let dashboard: DashboardMenuState | undefined;
  const stateOf = (v: SettingsView): TrayState => {
    const base = trayStateFromSettings(v);
    // Forward entries only once there is a profile to forward for.
    return { ...base, ...(dashboard ? { dashboard } : {}), ...(base.activeProfile ? { forward: services.forward.status().state } : {}) };
  };
  const tray = createTrayController({
    iconPath: options.iconPath,
    // The Forwarding toggle and "use port N" drive the active profile's forward (failures show in its state).
    actions: { setForwarding: (on) => void (on ? services.forward.start() : services.forward.stop()).catch(() => undefined), useSuggestedPort: () => void services.forward.usePort().catch(() => undefined), ...options.actions },
    labels: trayLabelsFor(view.settings.preferences.language, systemLocale),
    initial: stateOf(view),
  });
  const refreshDashboard = (): void => {
    void options.dashboard?.menuState().then((next) => {
      dashboard = next;
      tray.update(stateOf(services.settings.get()));
    });
  };
  services.settings.onChange((next) => {
    tray.update(stateOf(next), trayLabelsFor(next.settings.preferences.language, systemLocale));
    refreshDashboard();
  });
  // The hub's accounts become readable when forwarding becomes ready (not on every health probe).
  let forwardReady = false;
  services.events.subscribe((event) => {
    if (event !== 'forward:changed') return;
    tray.update(stateOf(services.settings.get())); // the menu is rebuilt on every forward state change
    const state = services.forward.status().state;
    if (options.iconFor) {
      const labels = trayLabelsFor(services.settings.get().settings.preferences.language, systemLocale);
      tray.setStatus(options.iconFor(forwardIconState(state)), forwardTooltip(labels.title, state, labels.forward));
    }
    const ready = services.forward.status().state.status === 'ready';
    if (ready && !forwardReady) refreshDashboard();
    forwardReady = ready;
  });
  refreshDashboard();
  return tray;
}
