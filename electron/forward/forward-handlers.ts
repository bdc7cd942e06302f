// IPC handlers of the forward domain: thin calls into the controller for the active profile.
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';
import { AppError } from '../ipc/app-error.ts';

type ForwardChannels = 'forward:state' | 'forward:start' | 'forward:stop' | 'forward:recheck' | 'forward:usePort' | 'forward:log';

export function forwardHandlers(services: Services): Pick<HandlerTable, ForwardChannels> {
  const f = services.forward;
  const needProfile = () => {
    if (!f.status().profileId) throw new AppError('NOT_FOUND', 'There is no cluster profile yet.', { hint: 'Add a profile (kubeconfig and context) first.' });
  };
  return {
    'forward:state': async () => f.status(),
    'forward:start': async () => {
      needProfile();
      return f.start();
    },
    'forward:stop': () => f.stop(),
    'forward:recheck': () => f.recheck(),
    'forward:usePort': async () => {
      const s = f.status().state;
      if (s.status !== 'error' || s.suggestedPort === undefined) {
        throw new AppError('CONFLICT', 'There is no suggested port to use.', { hint: 'A free port is offered only when the local port is taken.' });
      }
      return f.usePort();
    },
    'forward:log': async () => ({ entries: f.active()?.log() ?? [] }),
  };
}
