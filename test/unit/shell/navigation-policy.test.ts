import { describe, expect, it } from 'vitest';
import { isNavigationAllowed } from '../../../electron/shell/navigation-policy.ts';

describe('navigation allow-list', () => {
  it('allows the app pages only, by default', () => {
    expect(isNavigationAllowed('app://karpor/index.html#/profiles')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:7443/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/', 'about:blank']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('accepts extra rules from features that open other pages', () => {
    const dashboard = (url: string) => url.startsWith('https://127.0.0.1:7443/');
    expect(isNavigationAllowed('https://127.0.0.1:7443/login', [dashboard])).toBe(true);
    expect(isNavigationAllowed('app://karpor/', [dashboard])).toBe(false);
  });
});
