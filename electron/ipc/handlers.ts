// The handler table: one module per domain, composed here. A channel added to the contract
// without a handler is a type error in this file.
import type { HandlerTable } from './handler-types.ts';
import type { Services } from '../services.ts';
import { appHandlers } from './app-handlers.ts';
import { kubeHandlers } from '../kube/kube-handlers.ts';
import { settingsHandlers } from '../store/settings-handlers.ts';
import { accountsHandlers } from '../accounts/accounts-handlers.ts';
import { dashboardHandlers } from '../dashboard/dashboard-handlers.ts';
import { forwardHandlers } from '../forward/forward-handlers.ts';
import { desktopHandlers } from '../desktop/desktop-handlers.ts';

export type { HandlerContext, HandlerTable } from './handler-types.ts';

export function createHandlers(services: Services): HandlerTable {
  return {
    ...appHandlers(services),
    ...kubeHandlers(services),
    ...settingsHandlers(services),
    ...accountsHandlers(services),
    ...dashboardHandlers(services),
    ...forwardHandlers(services),
    ...desktopHandlers(services),
  };
}
