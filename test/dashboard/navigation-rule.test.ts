import { describe, expect, it } from 'vitest';
import { dashboardUrl, decideNavigation } from '../../electron/dashboard/navigation-rule.ts';

describe('navigation rule', () => {
  it('keeps the dashboard origin in the window', () => {
    for (const url of ['https://127.0.0.1:7443/', 'https://127.0.0.1:7443/insight?cluster=a#x', 'https://127.0.0.1:7443/login']) {
      expect(decideNavigation(url, 7443), url).toBe('stay');
    }
    expect(decideNavigation('https://127.0.0.1/', 443)).toBe('stay');
  });

  it('sends other https links to the system browser', () => {
    expect(decideNavigation('https://www.kusionstack.io/karpor', 7443)).toBe('external');
    expect(decideNavigation('https://github.com/KusionStack/karpor', 7443)).toBe('external');
    // Same host, other port: not the dashboard, so not in the window that holds its token.
    expect(decideNavigation('https://127.0.0.1:8443/', 7443)).toBe('external');
  });

  it('denies every other scheme and credentials in links', () => {
    for (const url of [
      'http://127.0.0.1:7443/',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      'karpor-desktop://settings',
      'https://user:pw@example.com/',
      'https://user@127.0.0.1:7443/',
      '',
      'not a url',
    ]) {
      expect(decideNavigation(url, 7443), url).toBe('deny');
    }
  });

  it('builds the dashboard URL from a path only', () => {
    expect(dashboardUrl(7443)).toBe('https://127.0.0.1:7443/');
    expect(dashboardUrl(17443, '/insight')).toBe('https://127.0.0.1:17443/insight');
    expect(dashboardUrl(7443, '//evil.example/')).toBe('https://127.0.0.1:7443/');
    expect(dashboardUrl(7443, 'https://evil.example/')).toBe('https://127.0.0.1:7443/');
  });
});
