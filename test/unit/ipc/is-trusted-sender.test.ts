import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/ipc/is-trusted-sender.ts';

describe('isTrustedSender', () => {
  it('trusts only the top-level frame of app://karpor/', () => {
    expect(isTrustedSender({ url: 'app://karpor/index.html', isTopLevel: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://karpor/', isTopLevel: true })).toBe(true);
  });

  it.each([
    ['an iframe of our page', 'app://karpor/index.html', false],
    ['another app host', 'app://karpor.evil/index.html', true],
    ['a host prefix', 'app://karporx/', true],
    ['userinfo trickery', 'app://evil@karpor/', true],
    ['the dashboard', 'https://127.0.0.1:7443/', true],
    ['a file URL', 'file:///opt/karpor/index.html', true],
    ['the dev server', 'http://127.0.0.1:5173/', true],
    ['an empty URL', '', true],
    ['not a URL', 'karpor', true],
  ])('refuses %s', (_what, url, isTopLevel) => {
    expect(isTrustedSender({ url, isTopLevel })).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
