// The tray's words in the user's language, from the same translation files as the window, so the
// two never disagree (see ../shell/main-translator.ts).
import type { Preferences } from '../store/settings-schema.ts';
import { mainTranslator } from '../shell/main-translator.ts';
import type { TrayLabels } from './tray-menu.ts';
import { forwardMenuLabels } from '../forward/forward-menu-labels.ts';
import { dashboardMenuLabels } from '../dashboard/dashboard-menu-labels.ts';

export function trayLabelsFor(language: Preferences['language'], systemLocale: string): TrayLabels {
  const t = mainTranslator(language, systemLocale);
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
