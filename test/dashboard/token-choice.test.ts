import { describe, expect, it } from 'vitest';
import { chooseToken, DEFAULT_DASHBOARD_TOKEN_SECONDS, type KeptTokenInfo } from '../../electron/dashboard/token-choice.ts';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const kept = (id: string, expiresInMs: number, over: Partial<KeptTokenInfo> = {}): KeptTokenInfo => ({
  id,
  hubId: 'p1',
  namespace: 'default',
  account: 'karpor-admin',
  expiresAt: at(expiresInMs),
  ...over,
});
const base = { rbacEnabled: true, hubId: 'p1', namespace: 'default', account: 'karpor-admin', nowMs: now, durationSeconds: 8 * 3600 };

describe('token choice', () => {
  it('needs no token when RBAC is off', () => {
    expect(chooseToken({ ...base, rbacEnabled: false, kept: [kept('a', 600 * MIN)] })).toEqual({ kind: 'none' });
  });

  it('reuses a kept token valid for at least 10 more minutes, preferring the longest-lived', () => {
    expect(chooseToken({ ...base, kept: [kept('a', 10 * MIN), kept('b', 90 * MIN), kept('c', 30 * MIN)] })).toEqual({ kind: 'reuse', id: 'b', expiresAt: at(90 * MIN) });
    expect(chooseToken({ ...base, kept: [kept('edge', 10 * MIN)] })).toMatchObject({ kind: 'reuse', id: 'edge' });
  });

  it('mints when every kept token expires within 10 minutes or already has', () => {
    expect(chooseToken({ ...base, kept: [kept('a', 10 * MIN - 1), kept('b', -5 * MIN)] })).toEqual({ kind: 'mint', seconds: 8 * 3600 });
    expect(chooseToken({ ...base, kept: [] })).toEqual({ kind: 'mint', seconds: 8 * 3600 });
  });

  it('ignores tokens of other accounts, namespaces or hubs', () => {
    const others = [kept('x', 600 * MIN, { account: 'karpor-guest' }), kept('y', 600 * MIN, { namespace: 'team' }), kept('z', 600 * MIN, { hubId: 'p2' })];
    expect(chooseToken({ ...base, kept: others })).toEqual({ kind: 'mint', seconds: 8 * 3600 });
  });

  it('mints for the duration setting, falling back to 8h when the setting is unusable', () => {
    expect(chooseToken({ ...base, durationSeconds: 3600, kept: [] })).toEqual({ kind: 'mint', seconds: 3600 });
    expect(chooseToken({ ...base, durationSeconds: 60, kept: [] })).toEqual({ kind: 'mint', seconds: DEFAULT_DASHBOARD_TOKEN_SECONDS });
    expect(chooseToken({ ...base, durationSeconds: Number.NaN, kept: [] })).toEqual({ kind: 'mint', seconds: DEFAULT_DASHBOARD_TOKEN_SECONDS });
  });

  it('skips kept tokens with an unreadable expiry', () => {
    expect(chooseToken({ ...base, kept: [{ ...kept('bad', 0), expiresAt: 'soon' }] })).toEqual({ kind: 'mint', seconds: 8 * 3600 });
  });
});
