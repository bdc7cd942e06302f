import { describe, expect, it } from 'vitest';
import { waitForReadyForward, type ForwardPort } from '../../electron/dashboard/forward-wait.ts';
import type { ForwardState } from '../../electron/forward/forward-state.ts';

/** A forward port driven by the test: the states a real engine emits, in order. */
function scripted(initial: ForwardState, onStart: (emit: (s: ForwardState) => void) => void = () => undefined) {
  let current = initial;
  const listeners = new Set<(s: ForwardState) => void>();
  const emit = (s: ForwardState): void => {
    current = s;
    for (const l of [...listeners]) l(s);
  };
  let starts = 0;
  const port: ForwardPort = {
    state: () => current,
    onState: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    start: async () => {
      starts += 1;
      onStart(emit);
    },
  };
  return { port, emit, starts: () => starts, listeners };
}
const ready: ForwardState = { status: 'ready', localPort: 7443, pod: 'karpor-server-1', since: 'x', hubCertFingerprint256: 'AB' };

describe('waiting for the forward', () => {
  it('returns at once when ready, without starting anything', async () => {
    const f = scripted(ready);
    await expect(waitForReadyForward(f.port)).resolves.toBe(ready);
    expect(f.starts()).toBe(0);
  });

  it('starts a stopped forward and reports progress until it is ready', async () => {
    const progress: string[] = [];
    const f = scripted({ status: 'stopped' }, (emit) => {
      emit({ status: 'starting', localPort: 7443 });
      setTimeout(() => emit({ status: 'reconnecting', localPort: 7443, attempt: 1, nextRetryAt: 'x', lastError: 'no ready pod' }), 5);
      setTimeout(() => emit(ready), 10);
    });
    await expect(waitForReadyForward(f.port, { onProgress: (m) => void progress.push(m) })).resolves.toEqual(ready);
    expect(f.starts()).toBe(1);
    expect(progress).toEqual(['Forwarding is stopped.', 'Starting the port-forward on 127.0.0.1:7443…', 'Reconnecting (attempt 1): no ready pod']);
    expect(f.listeners.size).toBe(0);
  });

  it('turns an error state into its message and hint', async () => {
    const f = scripted({ status: 'starting', localPort: 7443 });
    const wait = waitForReadyForward(f.port);
    f.emit({ status: 'error', localPort: 7443, code: 'FORBIDDEN', message: 'may not port-forward pods in karpor.', hint: 'Ask an admin.' });
    await expect(wait).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('may not port-forward'), hint: 'Ask an admin.' });
  });

  it('gives up after the timeout, naming the last status', async () => {
    const f = scripted({ status: 'reconnecting', localPort: 7443, attempt: 3, nextRetryAt: 'x', lastError: 'connection refused' });
    await expect(waitForReadyForward(f.port, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('Reconnecting (attempt 3): connection refused') });
    expect(f.listeners.size).toBe(0);
  });
});
