// IPC handlers of the app domain.
import type { HandlerTable } from './handler-types.ts';
import type { Services } from '../services.ts';

export function appHandlers(services: Services): Pick<HandlerTable, 'app:info'> {
  return {
    'app:info': async (_input, ctx) => ({ version: services.version, platform: services.platform, transport: ctx.transport }),
  };
}
