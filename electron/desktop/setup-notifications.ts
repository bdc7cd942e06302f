// Desktop notifications wired to the services: forward state changes of every profile's forward
// the window sees (lost for a minute, recovered, errors that need the user) and kept tokens about to
// expire, through notifier.ts, in the user's current language.
import type { Services } from '../services.ts';
import type { ForwardStatusView } from '../forward/forward-channels.ts';
import type { ForwardState } from '../forward/forward-state.ts';
import { followKeptTokens } from '../accounts/follow-kept-tokens.ts';
import { createNotifier, type NotificationClass, type Notifier } from './notifier.ts';
import { desktopText } from './desktop-text.ts';

export interface NotificationsDeps {
  services: Pick<Services, 'events' | 'settings'> & { accounts: Pick<Services['accounts'], 'vault'> };
  Notification: NotificationClass;
  /** The OS locale (app.getLocale()), for the "system" language setting. */
  systemLocale: string;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  log?: (line: string) => void;
}

export interface DesktopNotifications {
  notifier: Notifier;
  dispose(): void;
}

const realTimer = (fn: () => void, ms: number): { cancel(): void } => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};

export function setupNotifications(deps: NotificationsDeps): DesktopNotifications {
  const { services } = deps;
  const notifier = createNotifier({
    Notification: deps.Notification,
    // Read at each notification, so a language change applies to the next one.
    t: (key, params) => desktopText(services.settings.get().settings.preferences.language, deps.systemLocale)(key, params),
    now: deps.now ?? Date.now,
    setTimer: deps.setTimer ?? realTimer,
  });
  const previous = new Map<string, ForwardState>();
  const onForward = (status: ForwardStatusView): void => {
    if (status.profileId === null) return;
    const before = previous.get(status.profileId) ?? { status: 'stopped' };
    previous.set(status.profileId, status.state);
    if (before.status === status.state.status && status.state.status !== 'error') return;
    const profile = services.settings.get().settings.profiles.find((p) => p.id === status.profileId);
    notifier.handle({ kind: 'forward', profileId: status.profileId, profileName: profile?.name ?? status.profileId, previous: before, next: status.state });
  };
  const stopEvents = services.events.subscribe((event, payload) => {
    if (event === 'forward:changed') onForward(payload as ForwardStatusView);
  });
  const stopTokens = followKeptTokens(
    services.accounts.vault,
    (tokens) => void notifier.handle({ kind: 'tokens', tokens }),
    () => deps.log?.('[notifications] could not read the kept tokens'),
  );
  return {
    notifier,
    dispose() {
      stopEvents();
      stopTokens();
      notifier.dispose();
    },
  };
}
