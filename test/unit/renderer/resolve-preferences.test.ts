import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../renderer/src/i18n/resolve-language.ts';
import { resolveTheme } from '../../../renderer/src/theme/resolve-theme.ts';

describe('resolveLanguage', () => {
  it('uses an explicit preference whatever the OS says', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('follows the first OS language when set to system', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['ZH-tw'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['en-GB', 'zh-CN'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('system', ['zhx'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});

describe('resolveTheme', () => {
  it('follows the OS only when set to system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
