// IPC handlers of the dashboard domain.
import { AppError } from '../ipc/app-error.ts';
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';
import type { DashboardService } from './dashboard-service.ts';

/** `dashboard` is absent where nothing can open it (no forward wired into this transport). */
export function dashboardHandlers(services: Services & { dashboard?: DashboardService }): Pick<HandlerTable, 'dashboard:open'> {
  return {
    'dashboard:open': async (input) => {
      if (!services.dashboard) {
        throw new AppError('UNSUPPORTED', 'Opening the dashboard needs the desktop app or the CLI.', { hint: 'Run: karpor-desktop open --account NAME' });
      }
      return services.dashboard.open(input ?? {});
    },
  };
}
