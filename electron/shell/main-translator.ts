// Main-process text (tray, notifications, dashboard dialogs) in the user's language, from the
// window's own translation files and language rule, so the tray, notifications and window never disagree.
// Main has no React: one plain i18next instance serves every caller.
import i18next, { type TFunction } from 'i18next';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zhCN from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { resolveLanguage } from '../../renderer/src/i18n/resolve-language.ts';
import type { Preferences } from '../store/settings-schema.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  // Menus, notifications and dialogs are plain text, not HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function mainTranslator(language: Preferences['language'], systemLocale: string): TFunction {
  return i18n.getFixedT(resolveLanguage(language, [systemLocale]));
}
