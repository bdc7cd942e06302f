import { describe, expect, it } from 'vitest';
import { openWhenFirstReady } from '../../electron/dashboard/open-when-ready.ts';
import type { ForwardState } from '../../electron/forward/forward-state.ts';

function forward(initial: ForwardState) {
  let current = initial;
  const listeners = new Set<(s: ForwardState) => void>();
  return {
    state: () => current,
    onState: (cb: (s: ForwardState) => void) => (listeners.add(cb), () => void listeners.delete(cb)),
    emit: (s: ForwardState) => {
      current = s;
      for (const l of [...listeners]) l(s);
    },
    listeners,
  };
}
const ready: ForwardState = { status: 'ready', localPort: 7443, pod: 'p', since: 'x', hubCertFingerprint256: 'AB' };
const reconnecting: ForwardState = { status: 'reconnecting', localPort: 7443, attempt: 1, nextRetryAt: 'x', lastError: 'gone' };

describe('open the dashboard when forwarding first becomes ready', () => {
  it('opens once, on the first ready, never again after a reconnect', () => {
    const f = forward({ status: 'stopped' });
    let opened = 0;
    openWhenFirstReady(f, () => true, () => void (opened += 1));
    f.emit({ status: 'starting', localPort: 7443 });
    expect(opened).toBe(0);
    f.emit(ready);
    f.emit(reconnecting);
    f.emit(ready);
    expect(opened).toBe(1);
    expect(f.listeners.size).toBe(0);
  });

  it('does nothing when the setting is off (the default), and counts a forward that is already ready', () => {
    let opened = 0;
    openWhenFirstReady(forward(ready), () => false, () => void (opened += 1));
    expect(opened).toBe(0);
    openWhenFirstReady(forward(ready), () => true, () => void (opened += 1));
    expect(opened).toBe(1);
  });
});
