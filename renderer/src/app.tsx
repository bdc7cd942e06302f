import { App as AntdApp, ConfigProvider, theme } from 'antd';
import type { i18n } from 'i18next';
import { useLayoutEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AppFrame } from './components/app-frame.tsx';
import { LoadErrorScreen } from './components/load-error-screen.tsx';
import { LoadingScreen } from './components/loading-screen.tsx';
import { antdLocales } from './i18n/antd-locales.ts';
import { resolveLanguage } from './i18n/resolve-language.ts';
import { pages } from './pages/index.ts';
import { FirstRunPage } from './pages/welcome/first-run-page.tsx';
import { AppInfoContext, useAppInfoLoader } from './hooks/use-app-info.ts';
import { useMediaQuery } from './hooks/use-media-query.ts';
import { SettingsContext, useSettingsSubscription, type SettingsState } from './hooks/use-settings.ts';
import { useSystemLanguages } from './hooks/use-system-languages.ts';
import { resolveTheme } from './theme/resolve-theme.ts';

/** Language and theme follow the preferences (or the OS); the content follows the settings. */
export function App({ i18n }: { i18n: i18n }) {
  const { state, reload } = useSettingsSubscription();
  const appInfo = useAppInfoLoader();
  const prefs = state.status === 'ready' ? state.view.settings.preferences : undefined;
  const mode = resolveTheme(prefs?.theme ?? 'system', useMediaQuery('(prefers-color-scheme: dark)'));
  const language = resolveLanguage(prefs?.language ?? 'system', useSystemLanguages());

  // Before paint, so a language or theme switch never shows a frame of the old one.
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    const root = document.documentElement;
    root.lang = language;
    root.dataset.theme = mode;
    root.style.colorScheme = mode;
  }, [i18n, language, mode]);

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={antdLocales[language]}
        theme={{ algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm }}
      >
        <AntdApp>
          <AppInfoContext.Provider value={appInfo}>
            <Content state={state} reload={reload} />
          </AppInfoContext.Provider>
        </AntdApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}

function Content({ state, reload }: { state: SettingsState; reload: () => Promise<void> }) {
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'error') return <LoadErrorScreen error={state.error} onRetry={() => void reload()} />;
  return (
    <SettingsContext.Provider value={{ view: state.view, reload }}>
      {state.view.settings.profiles.length === 0 ? <FirstRunPage /> : <AppFrame pages={pages} />}
    </SettingsContext.Provider>
  );
}
