import { describe, expect, it } from 'vitest';
import { describeForwardState, forwardStateSchema, nextAttempt, reduceForwardState } from '../../electron/forward/forward-state.ts';
import type { ForwardState } from '../../electron/forward/forward-state.ts';
import { backoffDelay } from '../../electron/forward/backoff.ts';

const t0 = new Date('2026-01-01T00:00:00.000Z');
const later = new Date('2026-01-01T00:01:00.000Z');

describe('reduceForwardState', () => {
  const starting = reduceForwardState({ status: 'stopped' }, { type: 'start', localPort: 7443 });

  it('goes starting -> ready with the pod and since-when, keeping since on a healthy re-probe', () => {
    expect(starting).toEqual({ status: 'starting', localPort: 7443 });
    const ready = reduceForwardState(starting, { type: 'probeSucceeded', pod: 'p1', at: t0, hubCertFingerprint256: 'AA' });
    expect(ready).toEqual({ status: 'ready', localPort: 7443, pod: 'p1', since: t0.toISOString(), hubCertFingerprint256: 'AA' });
    const again = reduceForwardState(ready, { type: 'probeSucceeded', pod: 'p1', at: later, hubCertFingerprint256: 'AA' });
    expect(again).toEqual(ready);
    const switched = reduceForwardState(ready, { type: 'probeSucceeded', pod: 'p2', at: later, hubCertFingerprint256: 'BB' });
    expect(switched).toMatchObject({ pod: 'p2', since: later.toISOString(), hubCertFingerprint256: 'BB' });
  });

  it('counts reconnect attempts and resets them after a success', () => {
    let s: ForwardState = starting;
    for (let i = 1; i <= 3; i++) {
      expect(nextAttempt(s)).toBe(i);
      s = reduceForwardState(s, { type: 'probeFailed', error: 'boom', at: t0, retryInMs: 1500 });
      expect(s).toEqual({ status: 'reconnecting', localPort: 7443, attempt: i, nextRetryAt: '2026-01-01T00:00:01.500Z', lastError: 'boom' });
    }
    s = reduceForwardState(s, { type: 'probeSucceeded', pod: 'p1', at: t0, hubCertFingerprint256: 'AA' });
    expect(nextAttempt(s)).toBe(1);
    expect(reduceForwardState(s, { type: 'probeFailed', error: 'x', at: t0, retryInMs: 1 })).toMatchObject({ attempt: 1 });
  });

  it('errors carry code, hint and the suggested port; stop wins over everything and late events cannot revive it', () => {
    const err = reduceForwardState(starting, { type: 'fatal', code: 'PORT_IN_USE', message: 'taken', hint: 'use 7444', suggestedPort: 7444 });
    expect(err).toEqual({ status: 'error', localPort: 7443, code: 'PORT_IN_USE', message: 'taken', hint: 'use 7444', suggestedPort: 7444 });
    expect(forwardStateSchema.parse(err)).toEqual(err);
    const stopped = reduceForwardState(err, { type: 'stop' });
    expect(stopped).toEqual({ status: 'stopped' });
    expect(reduceForwardState(stopped, { type: 'probeSucceeded', pod: 'p', at: t0, hubCertFingerprint256: 'A' })).toEqual(stopped);
    expect(describeForwardState(err)).toBe('Error PORT_IN_USE: taken');
  });

  it('rejects malformed states at the IPC boundary', () => {
    expect(forwardStateSchema.safeParse({ status: 'ready', localPort: 7443 }).success).toBe(false);
    expect(forwardStateSchema.safeParse({ status: 'error', localPort: 0, code: 'X', message: '', hint: '' }).success).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter, never below half the step, capped', () => {
    expect(backoffDelay(1, { random: () => 0 })).toBe(250);
    expect(backoffDelay(1, { random: () => 1 })).toBe(500);
    expect(backoffDelay(4, { random: () => 0 })).toBe(2000);
    expect(backoffDelay(50, { random: () => 1 })).toBe(30_000);
    expect(backoffDelay(50, { random: () => 0 })).toBe(15_000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});
