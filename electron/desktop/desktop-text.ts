// The desktop shell's words (notifications, the autostart entry) in the user's language, from the
// window's translation files and the same language rule as the tray, so the three never disagree.
import type { Preferences } from '../store/settings-schema.ts';
import { mainTranslator } from '../shell/main-translator.ts';

export type DesktopT = (key: string, params?: Record<string, string | number>) => string;

export function desktopText(language: Preferences['language'], systemLocale: string): DesktopT {
  // Keys come from the notification policy as plain strings, so i18next's compile-time key check
  // cannot apply; test/desktop/desktop-strings.test.ts checks every one is in both language files.
  const t = mainTranslator(language, systemLocale) as unknown as (key: string, options: object) => string;
  return (key, params) => t(key, params ?? {});
}
