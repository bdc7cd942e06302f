// The dev bridge's per-run secret, and a comparison that does not leak it through timing.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newBridgeSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
