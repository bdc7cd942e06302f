import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import type { UiLanguage } from './resolve-language.ts';

// Keys are checked at compile time against the English file; i18n.test.ts keeps zh-CN in step.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show `&amp;` etc.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
