import { describe, expect, it } from 'vitest';
import { dashboardPartition, formatAccountRef, parseAccountRef } from '../../electron/dashboard/account-ref.ts';
import { dashboardText } from '../../electron/dashboard/dashboard-text.ts';
import { failureReasons, parseConsoleReport, REPORT_PREFIX, takeInjectedConfig } from '../../electron/dashboard/autologin/protocol.ts';

describe('account references', () => {
  it('reads NAME and NAMESPACE/NAME and writes them back the same way', () => {
    expect(parseAccountRef('karpor-admin')).toEqual({ namespace: 'default', name: 'karpor-admin' });
    expect(parseAccountRef(' team/viewer ')).toEqual({ namespace: 'team', name: 'viewer' });
    expect(formatAccountRef({ namespace: 'default', name: 'karpor-admin' })).toBe('karpor-admin');
    expect(formatAccountRef({ namespace: 'team', name: 'viewer' })).toBe('team/viewer');
  });

  it('refuses what is not an account, saying how to write one', () => {
    for (const bad of ['', 'Admin', 'a/b/c', 'team.x/viewer', '/viewer', 'team/']) {
      expect(() => parseAccountRef(bad), bad).toThrow(/does not name an account/);
    }
  });

  it('gives every account its own storage partition', () => {
    const parts = ['karpor-admin', 'karpor-guest', 'team/karpor-admin'].map((a) => dashboardPartition(parseAccountRef(a)));
    expect(new Set(parts).size).toBe(3);
    expect(parts[0]).toBe('persist:karpor-dashboard-default.karpor-admin');
    expect(dashboardPartition(null)).toBe('persist:karpor-dashboard');
  });
});

describe('failure messages', () => {
  it('has a translated message for every reason in every language, and offers minting only where a new token can help', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const text = dashboardText(language);
      for (const reason of failureReasons) {
        const m = text.failure(reason, 'karpor-admin');
        // A missing key comes back as the key itself.
        expect(m.message, `${language} ${reason}`).not.toMatch(/^dashboard\./);
        expect(m.detail, `${language} ${reason}`).not.toMatch(/^dashboard\./);
      }
      for (const key of ['signingIn', 'title', 'mintNew', 'close', 'mintFailed', 'tokenCopiedTitle'] as const) expect(text[key]).not.toMatch(/^dashboard\./);
    }
    const en = dashboardText('en');
    expect(en.failure('rejected', 'karpor-admin')).toMatchObject({ canMint: true, message: 'The Karpor dashboard refused the token of the account "karpor-admin".' });
    expect(en.failure('repeated', null)).toMatchObject({ canMint: true, message: expect.stringContaining('this account') });
    expect(en.failure('forbidden', 'x').canMint).toBe(false);
    expect(dashboardText('zh-CN').failure('rejected', 'karpor-admin').message).toBe('Karpor 控制台拒绝了账号“karpor-admin”的 token。');
    expect(dashboardText('system', 'zh-TW').signingIn).toBe('正在登录 Karpor…');
    expect(en.tokenCopied(null)).toContain('token of the account');
  });
});

describe('auto-login protocol', () => {
  it('takes the config off the global once, keeping only known fields', () => {
    const scope: Record<string, unknown> = { __karporAutologin: { token: 'abc', extra: 1 } };
    expect(takeInjectedConfig(scope)).toEqual({ config: { token: 'abc' }, report: null });
    expect(scope).not.toHaveProperty('__karporAutologin');
    expect(takeInjectedConfig(scope)).toBeNull();
  });

  it('ignores an invalid config without echoing its values', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (line: string) => void warnings.push(line);
    try {
      expect(takeInjectedConfig({ __karporAutologin: { token: 'secret-value', maxAttempts: 99 } })).toBeNull();
    } finally {
      console.warn = original;
    }
    expect(warnings.join('')).toContain('maxAttempts');
    expect(warnings.join('')).not.toContain('secret-value');
  });

  it('parses its own console lines and nothing else', () => {
    expect(parseConsoleReport(`${REPORT_PREFIX} {"type":"failed","reason":"rejected","status":401}`)).toEqual({ type: 'failed', reason: 'rejected', status: 401 });
    expect(parseConsoleReport(`${REPORT_PREFIX} {"type":"failed","reason":"made-up"}`)).toBeNull();
    expect(parseConsoleReport('{"type":"logged-in"}')).toBeNull();
    expect(parseConsoleReport(`${REPORT_PREFIX} not json`)).toBeNull();
  });
});
