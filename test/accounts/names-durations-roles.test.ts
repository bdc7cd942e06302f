import { describe, expect, it } from 'vitest';
import { checkAccountName, checkNamespaceName } from '../../electron/accounts/account-name.ts';
import { durationPresets, formatDuration, parseDuration } from '../../electron/accounts/duration.ts';
import { defaultRole, orderRoles } from '../../electron/accounts/role-order.ts';

describe('account names', () => {
  it('accepts RFC 1123 names', () => {
    for (const n of ['karpor-admin', 'a', 'ci.bot-1', 'x'.repeat(63)]) expect(checkAccountName(n)).toEqual({ ok: true, name: n });
  });
  it.each([
    ['', /empty/],
    ['Admin', /upper-case.*"admin"/],
    ['my_account', /contains "_"/],
    ['-lead', /start with a letter or digit/],
    ['trail-', /end with a letter or digit/],
    ['a..b', /empty part/],
    ['a.-b', /next to "."/],
    ['a'.repeat(254), /at most 253/],
  ])('refuses %j with a reason', (name, reason) => {
    const r = checkAccountName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('checks namespaces as labels', () => {
    expect(checkNamespaceName('default')).toEqual({ ok: true, name: 'default' });
    expect(checkNamespaceName('a.b')).toMatchObject({ ok: false });
    expect(checkNamespaceName('n'.repeat(64))).toMatchObject({ ok: false });
  });
});

describe('durations', () => {
  it.each([
    ['90m', 5400],
    ['1000h', 3_600_000],
    ['720h30m', 720 * 3600 + 1800],
    ['7d', 604_800],
    ['1d2h3m4s', 86_400 + 7200 + 180 + 4],
    ['10m', 600],
    ['1y', 365 * 86_400],
    [' 8H ', 28_800],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toMatchObject({ ok: true, seconds });
  });
  it('every preset parses', () => {
    expect(durationPresets.map((p) => parseDuration(p).ok)).toEqual(durationPresets.map(() => true));
  });
  it.each([
    ['9m', /shorter than 10 minutes/],
    ['599s', /shorter than 10 minutes/],
    ['', /empty/],
    ['ten hours', /not a duration/],
    ['1.5h', /not a duration/],
    ['5h5h', /twice/],
    ['-1h', /not a duration/],
    ['11y', /longer than 10 years/],
  ])('refuses %j', (text, reason) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('formats seconds back', () => {
    expect(formatDuration(3600)).toBe('1h');
    expect(formatDuration(90 * 60)).toBe('1h30m');
    expect(formatDuration(8 * 86_400 + 5)).toBe('8d5s');
  });
});

describe('role order', () => {
  it('puts guest first, admin second, the rest sorted', () => {
    const ordered = orderRoles(['zeta', 'karpor-admin', 'anonymous', 'karpor-guest', 'beta']);
    expect(ordered).toEqual(['karpor-guest', 'karpor-admin', 'anonymous', 'beta', 'zeta']);
    expect(defaultRole(ordered)).toBe('karpor-guest');
    expect(defaultRole(orderRoles(['b', 'a']))).toBe('a');
    expect(defaultRole([])).toBeNull();
  });
});
