import { describe, expect, it } from 'vitest';
import type { ForwardState } from '../../electron/forward/forward-state.ts';
import { forwardErrorCodes } from '../../electron/forward/forward-state.ts';
import { initialPolicyState, LOST_AFTER_MS, notificationKeys, notificationsFor, type PolicyEvent, type PolicyState } from '../../electron/desktop/notification-policy.ts';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const ready: ForwardState = { status: 'ready', localPort: 7443, pod: 'karpor-server-1', since: '2026-01-01T09:00:00Z', hubCertFingerprint256: 'AB:CD' };
const reconnecting: ForwardState = { status: 'reconnecting', localPort: 7443, attempt: 1, nextRetryAt: '2026-01-01T10:00:02Z', lastError: 'pod went away' };
const stopped: ForwardState = { status: 'stopped' };
const portInUse: ForwardState = { status: 'error', localPort: 7443, code: 'PORT_IN_USE', message: 'Port 7443 is in use', hint: 'Pick 7444', suggestedPort: 7444 };
const noService: ForwardState = { status: 'error', localPort: 7443, code: 'SERVICE_NOT_FOUND', message: 'no karpor-server', hint: 'install Karpor' };

const fwd = (previous: ForwardState, next: ForwardState, profileId = 'p1'): PolicyEvent => ({ kind: 'forward', profileId, profileName: 'Prod', previous, next });

/** Feeds events at the given times; returns every notification id shown, in order. */
function run(steps: [number, PolicyEvent][], start: PolicyState = initialPolicyState()): { ids: string[]; state: PolicyState; next: number | null } {
  let state = start;
  const ids: string[] = [];
  let next: number | null = null;
  for (const [at, event] of steps) {
    const r = notificationsFor(state, event, T0 + at);
    state = r.state;
    next = r.nextCheckAtMs;
    ids.push(...r.notifications.map((n) => n.id));
  }
  return { ids, state, next };
}

describe('forward lost / recovered', () => {
  it('stays quiet for a drop that recovers within a minute', () => {
    expect(run([[0, fwd(stopped, ready)], [1000, fwd(ready, reconnecting)], [30_000, { kind: 'tick' }], [59_000, fwd(reconnecting, ready)], [61_000, { kind: 'tick' }]]).ids).toEqual([]);
  });

  it('tells once when still down after a minute, then tells the recovery', () => {
    const r = notificationsFor(initialPolicyState(), fwd(ready, reconnecting), T0);
    expect(r.nextCheckAtMs).toBe(T0 + LOST_AFTER_MS);
    const lost = notificationsFor(r.state, { kind: 'tick' }, T0 + LOST_AFTER_MS);
    expect(lost.notifications).toEqual([{ id: 'forward:p1:lost', titleKey: 'notifications.forwardLost.title', bodyKey: 'notifications.forwardLost.body', params: { profile: 'Prod', port: 7443 } }]);
    expect(lost.nextCheckAtMs).toBe(null);
    const later = run([[90_000, { kind: 'tick' }], [100_000, fwd(reconnecting, reconnecting)]], lost.state);
    expect(later.ids).toEqual([]); // deduplicated
    const back = notificationsFor(later.state, fwd(reconnecting, ready), T0 + 120_000);
    expect(back.notifications).toEqual([{ id: 'forward:p1:recovered', titleKey: 'notifications.forwardRecovered.title', bodyKey: 'notifications.forwardRecovered.body', params: { profile: 'Prod', port: 7443 } }]);
  });

  it('notices the minute on whatever event comes next, not only on ticks', () => {
    expect(run([[0, fwd(ready, reconnecting)], [65_000, fwd(reconnecting, reconnecting)]]).ids).toEqual(['forward:p1:lost']);
  });

  it('counts a self-healing error (Service gone, still watched) as lost, not as needing the user', () => {
    expect(run([[0, fwd(ready, noService)], [10_000, { kind: 'tick' }], [60_000, { kind: 'tick' }]]).ids).toEqual(['forward:p1:lost']);
  });

  it('says nothing when the user stops the forward, and forgets it', () => {
    const r = run([[0, fwd(ready, reconnecting)], [5000, fwd(reconnecting, stopped)], [70_000, { kind: 'tick' }]]);
    expect(r.ids).toEqual([]);
    expect(r.state.forwards).toEqual({});
    expect(r.next).toBe(null);
  });

  it('tracks profiles separately', () => {
    expect(run([[0, fwd(ready, reconnecting, 'a')], [30_000, fwd(ready, reconnecting, 'b')], [60_000, { kind: 'tick' }], [90_000, { kind: 'tick' }]]).ids)
      .toEqual(['forward:a:lost', 'forward:b:lost']);
  });
});

describe('errors that need the user', () => {
  it('tells a forward error at once, once per code, and the recovery after it', () => {
    const first = notificationsFor(initialPolicyState(), fwd(ready, portInUse), T0);
    expect(first.notifications).toEqual([{ id: 'forward:p1:error:PORT_IN_USE', titleKey: 'notifications.forwardError.title', bodyKey: 'notifications.forwardError.PORT_IN_USE', params: { profile: 'Prod', port: 7443, suggestedPort: 7444 } }]);
    expect(run([[1000, fwd(portInUse, portInUse)], [70_000, { kind: 'tick' }], [80_000, fwd(portInUse, ready)]], first.state).ids).toEqual(['forward:p1:recovered']);
  });

  it('tells a start-up error even when the forward was never ready, without a later "recovered"', () => {
    expect(run([[0, fwd(stopped, portInUse)], [1000, fwd(portInUse, ready)]]).ids).toEqual(['forward:p1:error:PORT_IN_USE']);
  });

  it('shows other errors once until resolved', () => {
    const e: PolicyEvent = { kind: 'user-error', key: 'vault', bodyKey: 'notifications.userError.vaultLocked', params: {} };
    expect(run([[0, e], [1, e], [2, { kind: 'user-error-resolved', key: 'vault' }], [3, e]]).ids).toEqual(['error:vault', 'error:vault']);
  });
});

describe('tokens about to expire', () => {
  const token = { id: 't1', account: 'karpor-admin', issuedAt: '2026-01-01T09:00:00Z', expiresAt: '2026-01-01T11:00:00Z' };
  it('warns once in the warning window (a tenth of the lifetime) and says when to look again', () => {
    const early = notificationsFor(initialPolicyState(), { kind: 'tokens', tokens: [token] }, T0);
    expect(early.notifications).toEqual([]);
    expect(early.nextCheckAtMs).toBe(Date.parse('2026-01-01T10:48:00Z'));
    const due = notificationsFor(early.state, { kind: 'tokens', tokens: [token] }, Date.parse('2026-01-01T10:50:00Z'));
    expect(due.notifications).toEqual([{ id: 'token:t1:expiring', titleKey: 'notifications.tokenExpiring.title', bodyKey: 'notifications.tokenExpiring.body', params: { account: 'karpor-admin', minutes: 10 } }]);
    expect(notificationsFor(due.state, { kind: 'tokens', tokens: [token] }, Date.parse('2026-01-01T10:55:00Z')).notifications).toEqual([]);
    expect(notificationsFor(due.state, { kind: 'tokens', tokens: [] }, Date.parse('2026-01-01T10:55:00Z')).state.warnedTokens).toEqual([]);
  });
});

describe('keys', () => {
  it('lists every key the policy can emit', () => {
    const keys = notificationKeys(forwardErrorCodes);
    expect(keys).toContain('notifications.forwardError.PORT_IN_USE');
    expect(keys).not.toContain('notifications.forwardError.SERVICE_NOT_FOUND');
    expect(new Set(keys).size).toBe(keys.length);
  });
});
