import { App, Card, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../electron/store/settings-schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';
import { NoticesBanner } from '../../components/notices-banner.tsx';
import { useSettings } from '../../hooks/use-settings.ts';
import { useUpdatePreferences } from '../../hooks/use-update-preferences.ts';
import { ProfileForm } from '../profile/profile-form.tsx';

/** Shown while no profile exists: says what the app does and asks for the first Karpor installation. */
export function FirstRunPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { view, reload } = useSettings();
  const { update, pending, error, clearError } = useUpdatePreferences();

  // Main makes the first profile the active one.
  const saved = async (profile: Profile) => {
    void message.success(t('profile.saved', { name: profile.name }));
    await reload();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: '32px 16px' }}>
        <Flex vertical gap="large" style={{ maxWidth: 760, margin: '0 auto' }}>
          <Flex align="center" justify="space-between" gap="middle" wrap>
            <Flex align="center" gap="small">
              <img src="./karpor-mark.svg" alt="" width={32} height={32} />
              <Typography.Text strong style={{ fontSize: 18 }}>
                {t('app.name')}
              </Typography.Text>
            </Flex>
            <LanguageSelect
              ariaLabel={t('settings.language')}
              value={view.settings.preferences.language}
              loading={pending.has('language')}
              onChange={(language) => void update({ language })}
            />
          </Flex>
          <NoticesBanner notices={view.notices} />
          {error !== null && <ErrorAlert error={error} onClose={clearError} />}
          <Card>
            <main data-page="first-run">
              <Typography.Title level={2} style={{ marginTop: 0 }}>
                {t('firstRun.title')}
              </Typography.Title>
              <Typography.Paragraph>{t('firstRun.intro')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('firstRun.step')}</Typography.Paragraph>
              <ProfileForm profiles={view.settings.profiles} submitLabel={t('firstRun.submit')} onSaved={(p) => void saved(p)} />
            </main>
          </Card>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
