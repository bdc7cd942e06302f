// Reconnect delays: exponential with jitter so many forwards (or many users behind one API
// server) do not retry in lock-step, capped so a long outage is still noticed within ~30 s.

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** 0..1, injectable so tests are deterministic. */
  random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_CAP_MS = 30_000;

/**
 * Delay before retry number `attempt` (1-based). "Equal jitter": half of the exponential step is
 * fixed, so the delay never collapses to ~0 and the engine can never spin, the other half random.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const cap = opts.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const random = opts.random ?? Math.random;
  const n = Math.max(1, Math.floor(attempt));
  const step = Math.min(cap, base * 2 ** Math.min(n - 1, 30));
  return Math.round(step / 2 + (step / 2) * random());
}
