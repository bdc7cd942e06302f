// Which desktop notifications to show, as a pure reducer: events in (forward state changes, clock
// ticks, kept tokens, errors that need the user), notifications out, each at most once per episode.
// A forward that drops is not worth a notification while the engine reconnects on its own; only one
// still down after a minute is, and then its recovery too.
import type { ForwardErrorCode, ForwardState } from '../forward/forward-state.ts';
import { dueWarnings, type ExpiringToken } from '../accounts/expiry-warning.ts';

export const LOST_AFTER_MS = 60_000;

/** Error codes the engine recovers from by itself (it keeps watching); the rest need the user. */
const SELF_HEALING: readonly ForwardErrorCode[] = ['SERVICE_NOT_FOUND'];

export type NotificationParams = Record<string, string | number>;
export interface DesktopNotification {
  /** Stable per episode: the adapter may use it as the OS notification tag to replace, not stack. */
  id: string;
  titleKey: string;
  bodyKey: string;
  params: NotificationParams;
}

interface ForwardWatch { profileName: string; port: number; lostSinceMs: number | null; lostNotified: boolean; errorShown: ForwardErrorCode | null }

export interface PolicyState {
  forwards: Readonly<Record<string, ForwardWatch>>;
  warnedTokens: readonly string[];
  shownErrors: readonly string[];
}

export type PolicyEvent =
  | { kind: 'forward'; profileId: string; profileName: string; previous: ForwardState; next: ForwardState }
  | { kind: 'tick' }
  | { kind: 'tokens'; tokens: readonly (ExpiringToken & { account: string })[] }
  /** `key` identifies the problem; it is shown once until resolved. */
  | { kind: 'user-error'; key: string; bodyKey: string; params: NotificationParams }
  | { kind: 'user-error-resolved'; key: string };

export interface PolicyResult {
  state: PolicyState;
  notifications: DesktopNotification[];
  /** When to send the next `tick` (ms since epoch), or null when nothing is pending. */
  nextCheckAtMs: number | null;
}

export function initialPolicyState(): PolicyState {
  return { forwards: {}, warnedTokens: [], shownErrors: [] };
}

const portOf = (s: ForwardState, fallback: number): number => ('localPort' in s ? s.localPort : fallback);

function forwardEvent(state: PolicyState, e: Extract<PolicyEvent, { kind: 'forward' }>, nowMs: number): { state: PolicyState; out: DesktopNotification[] } {
  const before: ForwardWatch | undefined = state.forwards[e.profileId];
  const port = portOf(e.next, before?.port ?? 0);
  const watch: ForwardWatch = { ...(before ?? { lostSinceMs: null, lostNotified: false, errorShown: null }), profileName: e.profileName, port };
  const params = { profile: e.profileName, port };
  const out: DesktopNotification[] = [];
  const next = e.next;

  if (next.status === 'stopped') {
    const { [e.profileId]: _gone, ...rest } = state.forwards;
    return { state: { ...state, forwards: rest }, out };
  }
  if (next.status === 'ready') {
    if (watch.lostNotified) out.push({ id: `forward:${e.profileId}:recovered`, titleKey: 'notifications.forwardRecovered.title', bodyKey: 'notifications.forwardRecovered.body', params });
    return { state: { ...state, forwards: { ...state.forwards, [e.profileId]: { ...watch, lostSinceMs: null, lostNotified: false, errorShown: null } } }, out };
  }
  // Not ready: starting, reconnecting or error. A drop from ready starts the one-minute clock.
  if (e.previous.status === 'ready' && watch.lostSinceMs === null) watch.lostSinceMs = nowMs;
  if (next.status === 'error' && !SELF_HEALING.includes(next.code)) {
    if (watch.errorShown !== next.code) {
      out.push({
        id: `forward:${e.profileId}:error:${next.code}`,
        titleKey: 'notifications.forwardError.title',
        bodyKey: `notifications.forwardError.${next.code}`,
        params: next.suggestedPort === undefined ? params : { ...params, suggestedPort: next.suggestedPort },
      });
      watch.errorShown = next.code;
      // The user has been told the forward is down; its recovery is news too.
      if (watch.lostSinceMs !== null) watch.lostNotified = true;
    }
  } else {
    watch.errorShown = null;
  }
  return { state: { ...state, forwards: { ...state.forwards, [e.profileId]: watch } }, out };
}

function lostForwards(state: PolicyState, nowMs: number): { state: PolicyState; out: DesktopNotification[] } {
  const out: DesktopNotification[] = [];
  const forwards: Record<string, ForwardWatch> = { ...state.forwards };
  for (const [id, w] of Object.entries(forwards)) {
    if (w.lostSinceMs === null || w.lostNotified || nowMs - w.lostSinceMs < LOST_AFTER_MS) continue;
    out.push({ id: `forward:${id}:lost`, titleKey: 'notifications.forwardLost.title', bodyKey: 'notifications.forwardLost.body', params: { profile: w.profileName, port: w.port } });
    forwards[id] = { ...w, lostNotified: true };
  }
  return { state: { ...state, forwards }, out };
}

function nextForwardCheck(state: PolicyState): number | null {
  const pending = Object.values(state.forwards)
    .filter((w) => w.lostSinceMs !== null && !w.lostNotified)
    .map((w) => (w.lostSinceMs ?? 0) + LOST_AFTER_MS);
  return pending.length > 0 ? Math.min(...pending) : null;
}

const earliest = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

export function notificationsFor(state: PolicyState, event: PolicyEvent, nowMs: number): PolicyResult {
  let s = state;
  const notifications: DesktopNotification[] = [];
  let tokenCheck: number | null = null;

  switch (event.kind) {
    case 'forward': {
      const r = forwardEvent(s, event, nowMs);
      s = r.state;
      notifications.push(...r.out);
      break;
    }
    case 'tokens': {
      const warned = new Set(s.warnedTokens);
      const { due, nextCheckMs } = dueWarnings(event.tokens, nowMs, warned);
      for (const id of due) {
        const t = event.tokens.find((x) => x.id === id);
        if (!t) continue;
        const minutes = Math.max(1, Math.round((Date.parse(t.expiresAt) - nowMs) / 60_000));
        notifications.push({ id: `token:${id}:expiring`, titleKey: 'notifications.tokenExpiring.title', bodyKey: 'notifications.tokenExpiring.body', params: { account: t.account, minutes } });
        warned.add(id);
      }
      // Forget tokens that are gone (deleted or replaced), so the list does not grow forever.
      const present = new Set(event.tokens.map((t) => t.id));
      s = { ...s, warnedTokens: [...warned].filter((id) => present.has(id)) };
      tokenCheck = nextCheckMs;
      break;
    }
    case 'user-error': {
      if (!s.shownErrors.includes(event.key)) {
        notifications.push({ id: `error:${event.key}`, titleKey: 'notifications.userError.title', bodyKey: event.bodyKey, params: event.params });
        s = { ...s, shownErrors: [...s.shownErrors, event.key] };
      }
      break;
    }
    case 'user-error-resolved':
      s = { ...s, shownErrors: s.shownErrors.filter((k) => k !== event.key) };
      break;
    case 'tick':
      break;
  }

  // Every event carries the clock, so a minute that passed is noticed whatever event comes next.
  const lost = lostForwards(s, nowMs);
  s = lost.state;
  notifications.push(...lost.out);
  return { state: s, notifications, nextCheckAtMs: earliest(nextForwardCheck(s), tokenCheck) };
}

/** Every i18n key the policy can emit, so the language files can be checked for them. */
export function notificationKeys(forwardErrorCodes: readonly ForwardErrorCode[]): string[] {
  return [
    'notifications.forwardLost.title', 'notifications.forwardLost.body',
    'notifications.forwardRecovered.title', 'notifications.forwardRecovered.body',
    'notifications.forwardError.title',
    ...forwardErrorCodes.filter((c) => !SELF_HEALING.includes(c)).map((c) => `notifications.forwardError.${c}`),
    'notifications.tokenExpiring.title', 'notifications.tokenExpiring.body',
    'notifications.userError.title',
  ];
}
