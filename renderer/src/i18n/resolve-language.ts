import type { Preferences } from '../../../electron/store/settings-schema.ts';

export type UiLanguage = 'en' | 'zh-CN';
export const uiLanguages: readonly UiLanguage[] = ['en', 'zh-CN'];

/**
 * The language the window shows. `system` follows the OS (the browser's preferred language):
 * any Chinese variant gets Simplified Chinese, the only Chinese Karpor ships; everything else English.
 */
export function resolveLanguage(preference: Preferences['language'], systemLanguages: readonly string[]): UiLanguage {
  if (preference !== 'system') return preference;
  const first = systemLanguages[0]?.toLowerCase() ?? 'en';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en';
}
