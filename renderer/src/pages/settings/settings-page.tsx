import { Card, Descriptions, Flex, Form, Grid, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../../electron/store/settings-schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';
import { useAppInfo } from '../../hooks/use-app-info.ts';
import { useSettings } from '../../hooks/use-settings.ts';
import { useUpdatePreferences } from '../../hooks/use-update-preferences.ts';
import { DashboardSettingsCard } from './dashboard-settings-card.tsx';

type Toggle = 'startForwardingOnLaunch' | 'launchAtLogin' | 'keepTokens';
const toggles: readonly Toggle[] = ['startForwardingOnLaunch', 'launchAtLogin', 'keepTokens'];
const themes: readonly Preferences['theme'][] = ['system', 'light', 'dark'];

/** Preferences; each control saves as soon as it changes. */
export function SettingsPage() {
  const { t } = useTranslation();
  const prefs = useSettings().view.settings.preferences;
  const info = useAppInfo();
  const { update, pending, error, clearError } = useUpdatePreferences();
  // Labels beside the controls when there is room, above them in a narrow window.
  const wide = Grid.useBreakpoint().md ?? true;
  const layout = wide
    ? ({ layout: 'horizontal', labelCol: { flex: '220px' }, wrapperCol: { flex: '1 1 0', style: { minWidth: 0 } }, labelWrap: true, colon: false } as const)
    : ({ layout: 'vertical', colon: false } as const);

  return (
    <Flex vertical gap="middle">
      {error !== null && <ErrorAlert error={error} onClose={clearError} />}
      <Card title={t('settings.appearance')}>
        <Form {...layout} component="div">
          <Form.Item label={t('settings.language')} htmlFor="pref-language" extra={t('settings.languageHelp')}>
            <LanguageSelect
              id="pref-language"
              value={prefs.language}
              loading={pending.has('language')}
              onChange={(language) => void update({ language })}
            />
          </Form.Item>
          <Form.Item label={t('settings.theme')} htmlFor="pref-theme">
            <Radio.Group
              id="pref-theme"
              aria-label={t('settings.theme')}
              optionType="button"
              buttonStyle="solid"
              value={prefs.theme}
              disabled={pending.has('theme')}
              onChange={(event) => void update({ theme: event.target.value as Preferences['theme'] })}
              options={themes.map((theme) => ({ value: theme, label: t(`settings.themes.${theme}`) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('settings.behaviour')}>
        <Form {...layout} component="div">
          {toggles.map((key) => (
            <Form.Item key={key} label={t(`settings.${key}`)} htmlFor={`pref-${key}`} extra={t(`settings.${key}Help`)}>
              <Switch
                id={`pref-${key}`}
                checked={prefs[key]}
                loading={pending.has(key)}
                onChange={(checked) => void update({ [key]: checked })}
              />
            </Form.Item>
          ))}
        </Form>
      </Card>
      <DashboardSettingsCard prefs={prefs} update={update} pending={pending} layout={layout} />
      {info && (
        <Card title={t('settings.about')}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'version', label: t('settings.version'), children: info.version },
              { key: 'platform', label: t('settings.platform'), children: info.platform },
              { key: 'transport', label: t('settings.transport'), children: t(`app.transport.${info.transport}`) },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
