// Runs notification-policy.ts against the clock and shows what it decides through Electron's
// Notification (or anything with the same shape). Holds the policy state and the one pending tick.
import { initialPolicyState, notificationsFor, type DesktopNotification, type PolicyEvent, type NotificationParams } from './notification-policy.ts';

export interface NotificationLike { show(): void }
export interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string }): NotificationLike;
}

export interface NotifierDeps {
  Notification: NotificationClass;
  t(key: string, params: NotificationParams): string;
  now(): number;
  setTimer(fn: () => void, ms: number): { cancel(): void };
}

export interface Notifier {
  handle(event: PolicyEvent): DesktopNotification[];
  dispose(): void;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  let state = initialPolicyState();
  let timer: { cancel(): void } | null = null;
  // Electron drops a notification whose object is collected before it is shown on some platforms.
  const live = new Set<NotificationLike>();

  const handle = (event: PolicyEvent): DesktopNotification[] => {
    const now = deps.now();
    const result = notificationsFor(state, event, now);
    state = result.state;
    if (deps.Notification.isSupported()) {
      for (const n of result.notifications) {
        const shown = new deps.Notification({ title: deps.t(n.titleKey, n.params), body: deps.t(n.bodyKey, n.params) });
        live.add(shown);
        shown.show();
        if (live.size > 20) live.delete(live.values().next().value as NotificationLike);
      }
    }
    timer?.cancel();
    timer = result.nextCheckAtMs === null ? null : deps.setTimer(() => handle({ kind: 'tick' }), Math.max(0, result.nextCheckAtMs - now));
    return result.notifications;
  };

  return {
    handle,
    dispose: () => {
      timer?.cancel();
      timer = null;
    },
  };
}
