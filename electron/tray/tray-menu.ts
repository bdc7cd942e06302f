// The tray menu as a pure function of state: the controller rebuilds it whole on every change
// (Linux applies menu changes only through setContextMenu), and tests compare templates.
import type { MenuItemConstructorOptions } from 'electron';
import type { SettingsView } from '../store/settings-service.ts';
import { buildDashboardMenuItems, englishDashboardMenuLabels, type DashboardMenuLabels, type DashboardMenuState } from '../dashboard/dashboard-menu.ts';
import { buildForwardMenuItems, englishForwardMenuLabels, type ForwardMenuLabels } from '../forward/forward-menu.ts';
import type { ForwardState } from '../forward/forward-state.ts';

export interface TrayState {
  activeProfile: { name: string; context: string } | null;
  /** Absent until the dashboard is wired in: then no dashboard entries. */
  dashboard?: DashboardMenuState;
  /** The active profile's forward; absent until the forward is wired in. */
  forward?: ForwardState;
}

export interface TrayActions {
  openWindow(): void;
  quit(): void;
  openDashboard?(account?: string): void;
  setForwarding?(on: boolean): void;
  useSuggestedPort?(): void;
}

export interface TrayLabels {
  title: string;
  activeProfile(name: string, context: string): string;
  noProfile: string;
  openWindow: string;
  quit: string;
  dashboard?: DashboardMenuLabels;
  forward?: ForwardMenuLabels;
}

export const englishTrayLabels: TrayLabels = {
  title: 'Karpor Desktop',
  activeProfile: (name, context) => `Profile: ${name} (${context})`,
  noProfile: 'No profile yet: open the window to add one',
  openWindow: 'Open window',
  quit: 'Quit Karpor Desktop',
};

export function trayStateFromSettings(view: SettingsView): TrayState {
  const { profiles, activeProfileId } = view.settings;
  const active = profiles.find((p) => p.id === activeProfileId);
  return { activeProfile: active ? { name: active.name, context: active.context } : null };
}

export function buildTrayMenu(state: TrayState, actions: TrayActions, labels: TrayLabels = englishTrayLabels): MenuItemConstructorOptions[] {
  return [
    { label: labels.title, enabled: false },
    { label: state.activeProfile ? labels.activeProfile(state.activeProfile.name, state.activeProfile.context) : labels.noProfile, enabled: false },
    ...(state.forward && actions.setForwarding
      ? buildForwardMenuItems(state.forward, { setForwarding: actions.setForwarding, ...(actions.useSuggestedPort ? { useSuggestedPort: actions.useSuggestedPort } : {}) }, labels.forward ?? englishForwardMenuLabels)
      : []),
    { type: 'separator' },
    // Always present: a click on the tray icon itself does nothing on many Linux panels.
    { label: labels.openWindow, click: () => actions.openWindow() },
    ...(state.dashboard && actions.openDashboard
      ? buildDashboardMenuItems(state.dashboard, { openDashboard: actions.openDashboard }, labels.dashboard ?? englishDashboardMenuLabels)
      : []),
    { type: 'separator' },
    { label: labels.quit, click: () => actions.quit() },
  ];
}
