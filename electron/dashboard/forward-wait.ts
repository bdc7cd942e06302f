// Opening the dashboard needs a ready forward: start it when it is stopped, report progress while it
// comes up, and when it does not, say what is wrong instead of opening a window onto nothing.
import { AppError } from '../ipc/app-error.ts';
import type { ForwardState } from '../forward/forward-state.ts';

export type ReadyForward = Extract<ForwardState, { status: 'ready' }>;

export interface ForwardPort {
  state(): ForwardState;
  onState(cb: (state: ForwardState) => void): () => void;
  /** Start forwarding the active profile (no-op when it is already running). */
  start(): Promise<unknown>;
}

export const DEFAULT_FORWARD_WAIT_MS = 30_000;

export function describeForward(state: ForwardState): string {
  switch (state.status) {
    case 'stopped':
      return 'Forwarding is stopped.';
    case 'starting':
      return `Starting the port-forward on 127.0.0.1:${state.localPort}…`;
    case 'ready':
      return `Forwarding 127.0.0.1:${state.localPort} to ${state.pod}.`;
    case 'reconnecting':
      return `Reconnecting (attempt ${state.attempt}): ${state.lastError}`;
    case 'error':
      return `${state.message} ${state.hint}`.trim();
  }
}

function errorOf(state: Extract<ForwardState, { status: 'error' }>): AppError {
  return new AppError(state.code === 'PORT_IN_USE' ? 'PORT_IN_USE' : 'UNAVAILABLE', `The dashboard cannot open: forwarding to Karpor failed. ${state.message}`, { hint: state.hint });
}

export function waitForReadyForward(forward: ForwardPort, options: { timeoutMs?: number; onProgress?: (message: string) => void } = {}): Promise<ReadyForward> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FORWARD_WAIT_MS;
  const initial = forward.state();
  if (initial.status === 'ready') return Promise.resolve(initial);
  if (initial.status === 'error') return Promise.reject(errorOf(initial));

  return new Promise<ReadyForward>((resolve, reject) => {
    let last: ForwardState = initial;
    let said = '';
    const progress = (state: ForwardState): void => {
      const message = describeForward(state);
      if (message === said) return;
      said = message;
      options.onProgress?.(message);
    };
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      fn();
    };
    const onState = (state: ForwardState): void => {
      last = state;
      if (state.status === 'ready') return finish(() => resolve(state));
      if (state.status === 'error') return finish(() => reject(errorOf(state)));
      progress(state);
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new AppError('TIMEOUT', `Forwarding to Karpor did not become ready within ${Math.round(timeoutMs / 1000)} s. Last status: ${describeForward(last)}`, {
            hint: 'Check the forward in the Karpor Desktop window (cluster reachable? karpor-server pods Ready?), then open the dashboard again.',
          }),
        ),
      );
    }, timeoutMs);
    const unsubscribe = forward.onState(onState);
    progress(initial);
    if (initial.status === 'stopped') {
      forward.start().then(
        () => onState(forward.state()),
        (err: unknown) => finish(() => reject(err instanceof AppError ? err : new AppError('UNAVAILABLE', 'The dashboard cannot open: forwarding to Karpor could not start.', { hint: 'Check the active profile (kubeconfig, context, namespace) in the window.' }))),
      );
    }
  });
}
