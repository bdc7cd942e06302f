// When to warn that a kept token is about to expire: a day before, or a tenth of its lifetime before
// when that is shorter (a 1-hour token warns 6 minutes ahead, not a day ahead, which would be at once).

const DAY_MS = 86_400_000;

export interface ExpiringToken {
  id: string;
  issuedAt: string;
  expiresAt: string;
}

export function warningLeadMs(issuedAtMs: number, expiresAtMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  return Math.min(DAY_MS, lifetime / 10);
}

export function warnAtMs(token: ExpiringToken): number {
  const issued = Date.parse(token.issuedAt);
  const expires = Date.parse(token.expiresAt);
  return expires - warningLeadMs(issued, expires);
}

export type ExpiryPhase = 'ok' | 'expiring' | 'expired';

export function expiryPhase(token: ExpiringToken, nowMs: number): ExpiryPhase {
  if (nowMs >= Date.parse(token.expiresAt)) return 'expired';
  return nowMs >= warnAtMs(token) ? 'expiring' : 'ok';
}

/**
 * Tokens to warn about now (in their warning window and not warned before), and when to look again.
 * `warned` holds ids already notified so a notification is shown once per token.
 */
export function dueWarnings(
  tokens: readonly ExpiringToken[],
  nowMs: number,
  warned: ReadonlySet<string>,
): { due: string[]; nextCheckMs: number | null } {
  const due: string[] = [];
  let next: number | null = null;
  for (const t of tokens) {
    const phase = expiryPhase(t, nowMs);
    if (phase === 'expiring' && !warned.has(t.id)) due.push(t.id);
    if (phase === 'ok') {
      const at = warnAtMs(t);
      next = next === null ? at : Math.min(next, at);
    }
  }
  return { due, nextCheckMs: next };
}
