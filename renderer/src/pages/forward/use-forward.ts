import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
import { api } from '../../api/index.ts';

export type ForwardStatusView = ChannelOutput<'forward:state'>;
export type ForwardLogEntry = ChannelOutput<'forward:log'>['entries'][number];

/** The active profile's forward: read once, then follow `forward:changed`; the log is re-read on each change. */
export function useForward() {
  const [status, setStatus] = useState<ForwardStatusView | null>(null);
  const [log, setLog] = useState<ForwardLogEntry[]>([]);
  const [error, setError] = useState<unknown>(null);

  const refreshLog = useCallback(async () => {
    try {
      setLog((await api.forward.log()).entries);
    } catch {
      // the status call reports transport problems; a missed log refresh is harmless
    }
  }, []);

  useEffect(() => {
    const off = api.on('forward:changed', (next) => {
      setStatus(next);
      void refreshLog();
    });
    api.forward.state().then(setStatus, setError);
    void refreshLog();
    // Connection-level events (pod errors) do not change the state: poll the log slowly too.
    const timer = setInterval(() => void refreshLog(), 5_000);
    // Main has no network-change event; the window does: a status from before the change is a guess.
    const online = () => void api.forward.recheck().then(setStatus, () => undefined);
    window.addEventListener('online', online);
    return () => {
      off();
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [refreshLog]);

  const run = useCallback(
    async (action: () => Promise<ForwardStatusView>) => {
      setError(null);
      try {
        setStatus(await action());
      } catch (err) {
        setError(err);
      }
      void refreshLog();
    },
    [refreshLog],
  );

  return {
    status,
    log,
    error,
    clearError: () => setError(null),
    start: () => run(() => api.forward.start()),
    stop: () => run(() => api.forward.stop()),
    recheck: () => run(() => api.forward.recheck()),
    usePort: () => run(() => api.forward.usePort()),
  };
}
