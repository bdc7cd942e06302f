// The notifier against the Electron Notification fake, with a hand-driven clock and timer.
import { beforeEach, describe, expect, it } from 'vitest';
import { Notification } from 'electron';
import type { ForwardState } from '../../electron/forward/forward-state.ts';
import { createNotifier, type NotificationClass } from '../../electron/desktop/notifier.ts';

interface FakeNotification { supported: boolean; shown: { title: string; body: string }[] }
const fake = Notification as unknown as FakeNotification & NotificationClass;

const ready: ForwardState = { status: 'ready', localPort: 7443, pod: 'p', since: '2026-01-01T00:00:00Z', hubCertFingerprint256: 'AB' };
const reconnecting: ForwardState = { status: 'reconnecting', localPort: 7443, attempt: 1, nextRetryAt: '2026-01-01T00:00:01Z', lastError: 'x' };

describe('createNotifier', () => {
  let now = 0;
  let pending: { at: number; fn: () => void; cancelled: boolean } | null = null;
  const deps = () => ({
    Notification: fake,
    t: (key: string, params: Record<string, string | number>) => `${key}(${Object.values(params).join(',')})`,
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn, cancelled: false };
      pending = timer;
      return { cancel: () => { timer.cancelled = true; } };
    },
  });
  beforeEach(() => { now = 1_000_000; pending = null; fake.shown.length = 0; fake.supported = true; });

  it('schedules the one-minute check itself and shows the translated notification when it fires', () => {
    const n = createNotifier(deps());
    n.handle({ kind: 'forward', profileId: 'p1', profileName: 'Prod', previous: ready, next: reconnecting });
    expect(fake.shown).toEqual([]);
    expect(pending).toMatchObject({ at: 1_060_000, cancelled: false });
    now = 1_060_000;
    pending!.fn();
    expect(fake.shown).toEqual([{ title: 'notifications.forwardLost.title(Prod,7443)', body: 'notifications.forwardLost.body(Prod,7443)' }]);
    n.dispose();
  });

  it('cancels the pending check when nothing is left to wait for', () => {
    const n = createNotifier(deps());
    n.handle({ kind: 'forward', profileId: 'p1', profileName: 'Prod', previous: ready, next: reconnecting });
    const first = pending!;
    n.handle({ kind: 'forward', profileId: 'p1', profileName: 'Prod', previous: reconnecting, next: ready });
    expect(first.cancelled).toBe(true);
    expect(fake.shown).toEqual([]);
  });

  it('shows nothing where the platform has no notifications, but still decides', () => {
    fake.supported = false;
    const n = createNotifier(deps());
    const decided = n.handle({ kind: 'user-error', key: 'k', bodyKey: 'notifications.userError.vaultLocked', params: {} });
    expect(decided.map((d) => d.id)).toEqual(['error:k']);
    expect(fake.shown).toEqual([]);
  });
});
