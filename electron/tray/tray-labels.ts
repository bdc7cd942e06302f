// The tray's words in the user's language, from the same translation files as the window, so the
// two never disagree. Main has no React: a plain i18next instance reads them.
import i18next from 'i18next';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zhCN from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { resolveLanguage, type UiLanguage } from '../../renderer/src/i18n/resolve-language.ts';
import type { Preferences } from '../store/settings-schema.ts';
import type { TrayLabels } from './tray-menu.ts';
import { forwardMenuLabels } from '../forward/forward-menu-labels.ts';
import { dashboardMenuLabels } from '../dashboard/dashboard-menu-labels.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  fallbackLng: 'en',
  // Menu labels are plain text, not HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function trayLabelsFor(language: Preferences['language'], systemLocale: string): TrayLabels {
  const lng: UiLanguage = resolveLanguage(language, [systemLocale]);
  const t = i18n.getFixedT(lng);
  return {
    title: t('app.name'),
    activeProfile: (name, context) => t('tray.activeProfile', { name, kubeContext: context }),
    noProfile: t('tray.noProfile'),
    openWindow: t('tray.openWindow'),
    quit: t('tray.quit'),
    forward: forwardMenuLabels(t),
    dashboard: dashboardMenuLabels(t),
  };
}
