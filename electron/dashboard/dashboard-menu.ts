// The tray's dashboard entries as a pure function of state ("Open dashboard", "Open dashboard as…"
// with one item per account); the tray menu splices them in and tests compare templates.
import type { MenuItemConstructorOptions } from 'electron';

export interface DashboardMenuState {
  /** null while unknown (hub not reached yet): offer both entries and let opening explain. */
  rbacEnabled: boolean | null;
  /** The "default account" setting, as written there ("name" or "namespace/name"). */
  defaultAccount: string | null;
  /** Accounts of the hub, formatted like the setting. */
  accounts: readonly string[];
}

export interface DashboardMenuActions {
  /** undefined: the default account (or none with RBAC off). */
  openDashboard(account?: string): void;
}

export interface DashboardMenuLabels {
  open: string;
  openAsDefault(account: string): string;
  openAs: string;
  noAccounts: string;
}

export const englishDashboardMenuLabels: DashboardMenuLabels = {
  open: 'Open dashboard',
  openAsDefault: (account) => `Open dashboard (${account})`,
  openAs: 'Open dashboard as…',
  noAccounts: 'No accounts yet: create one in the window',
};

export function buildDashboardMenuItems(state: DashboardMenuState, actions: DashboardMenuActions, labels: DashboardMenuLabels = englishDashboardMenuLabels): MenuItemConstructorOptions[] {
  const openLabel = state.rbacEnabled !== false && state.defaultAccount ? labels.openAsDefault(state.defaultAccount) : labels.open;
  const items: MenuItemConstructorOptions[] = [{ label: openLabel, click: () => actions.openDashboard() }];
  // With RBAC off every visitor is the same to Karpor: there is nobody to open "as".
  if (state.rbacEnabled === false) return items;
  const accounts = [...state.accounts].sort((a, b) => a.localeCompare(b));
  items.push({
    label: labels.openAs,
    submenu:
      accounts.length === 0
        ? [{ label: labels.noAccounts, enabled: false }]
        : accounts.map((account) => ({ label: account, click: () => actions.openDashboard(account) })),
  });
  return items;
}
