// The tray's forward entries in the user's language, from the window's translation files.
import type { TFunction } from 'i18next';
import type { ForwardMenuLabels } from './forward-menu.ts';

export function forwardMenuLabels(t: TFunction): ForwardMenuLabels {
  return {
    stopped: t('forward.status.stopped'),
    starting: (port) => t('forward.status.starting', { port }),
    ready: (port, pod) => t('forward.status.ready', { port, pod }),
    reconnecting: (attempt) => t('forward.status.reconnecting', { attempt }),
    error: (message) => t('forward.status.error', { message }),
    forwarding: t('forward.forwarding'),
    lastError: t('forward.lastError'),
    usePort: (port) => t('forward.usePort', { port }),
  };
}
