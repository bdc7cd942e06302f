// The tray's dashboard entries in the user's language, from the window's translation files.
import type { TFunction } from 'i18next';
import type { DashboardMenuLabels } from './dashboard-menu.ts';

export function dashboardMenuLabels(t: TFunction): DashboardMenuLabels {
  return {
    open: t('tray.openDashboard'),
    openAsDefault: (account) => t('tray.openDashboardDefault', { account }),
    openAs: t('tray.openDashboardAs'),
    noAccounts: t('tray.noAccounts'),
  };
}
