// Which token opens the dashboard: a kept one that will outlive the session, or a new one.
import { MIN_TOKEN_SECONDS } from '../accounts/duration.ts';

/** A kept token must stay valid this much longer to be reused: a dashboard session should not die mid-click. */
export const REUSE_MIN_REMAINING_MS = 10 * 60_000;
export const DEFAULT_DASHBOARD_TOKEN_SECONDS = 8 * 3_600;

export interface KeptTokenInfo {
  id: string;
  hubId: string;
  namespace: string;
  account: string;
  expiresAt: string;
}

export interface TokenChoiceInput {
  /** The hub's `CoreOptions.EnableRBAC`: when off the server strips Authorization, so no token plays a part. */
  rbacEnabled: boolean;
  hubId: string;
  namespace: string;
  account: string;
  kept: readonly KeptTokenInfo[];
  nowMs: number;
  /** The "dashboard token duration" setting. */
  durationSeconds: number;
}

export type TokenChoice = { kind: 'none' } | { kind: 'reuse'; id: string; expiresAt: string } | { kind: 'mint'; seconds: number };

export function chooseToken(input: TokenChoiceInput): TokenChoice {
  if (!input.rbacEnabled) return { kind: 'none' };
  const usable = input.kept
    .filter((t) => t.hubId === input.hubId && t.namespace === input.namespace && t.account === input.account)
    .map((t) => ({ t, expiresMs: Date.parse(t.expiresAt) }))
    .filter(({ expiresMs }) => Number.isFinite(expiresMs) && expiresMs - input.nowMs >= REUSE_MIN_REMAINING_MS)
    .sort((a, b) => b.expiresMs - a.expiresMs);
  const best = usable[0];
  if (best) return { kind: 'reuse', id: best.t.id, expiresAt: best.t.expiresAt };
  const seconds = Number.isSafeInteger(input.durationSeconds) && input.durationSeconds >= MIN_TOKEN_SECONDS ? input.durationSeconds : DEFAULT_DASHBOARD_TOKEN_SECONDS;
  return { kind: 'mint', seconds };
}
