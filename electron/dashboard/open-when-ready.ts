// "Open the dashboard when forwarding first becomes ready" (off by default): for people who live in
// the dashboard. Only the first time per app run, so a reconnect never pops a window up again.
import type { ForwardState } from '../forward/forward-state.ts';

export function openWhenFirstReady(
  forward: { state(): ForwardState; onState(cb: (state: ForwardState) => void): () => void },
  wanted: () => boolean,
  open: () => void,
): () => void {
  let done = false;
  let unsubscribe: () => void = () => undefined;
  const check = (state: ForwardState): void => {
    if (done || state.status !== 'ready') return;
    done = true;
    unsubscribe();
    if (wanted()) open();
  };
  unsubscribe = forward.onState(check);
  check(forward.state());
  return () => unsubscribe();
}
