// The desktop shell's words (notifications, the autostart entry) in the user's language, from the
// window's translation files and the same language rule as the tray, so the three never disagree.
import i18next from 'i18next';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zhCN from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { resolveLanguage } from '../../renderer/src/i18n/resolve-language.ts';
import type { Preferences } from '../store/settings-schema.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  // Notifications and desktop entries are plain text, not HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export type DesktopT = (key: string, params?: Record<string, string | number>) => string;

export function desktopText(language: Preferences['language'], systemLocale: string): DesktopT {
  // Keys come from the notification policy as plain strings, so i18next's compile-time key check
  // cannot apply; test/desktop/desktop-strings.test.ts checks every one is in both language files.
  const t = i18n.getFixedT(resolveLanguage(language, [systemLocale])) as unknown as (key: string, options: object) => string;
  return (key, params) => t(key, params ?? {});
}
