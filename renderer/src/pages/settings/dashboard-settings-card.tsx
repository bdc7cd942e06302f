import { Card, Form, Radio, Select, Switch, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../../electron/store/settings-schema.ts';
import { describeError } from '../../errors/describe-error.ts';
import { useAccountsList } from '../../hooks/use-accounts-list.ts';
import type { useUpdatePreferences } from '../../hooks/use-update-preferences.ts';

type Updater = ReturnType<typeof useUpdatePreferences>;
type Toggle = 'dashboardAutoOpenAfterMint' | 'dashboardOpenWhenReady';
const toggles: readonly Toggle[] = ['dashboardAutoOpenAfterMint', 'dashboardOpenWhenReady'];
const durations = ['1h', '8h', '24h', '7d'] as const;
const targets: readonly Preferences['dashboardOpenIn'][] = ['app', 'browser'];

interface Props {
  prefs: Preferences;
  update: Updater['update'];
  pending: Updater['pending'];
  layout: FormProps;
}

/** How "Open dashboard" logs in: which account, for how long, and where it opens. */
export function DashboardSettingsCard({ prefs, update, pending, layout }: Props) {
  const { t } = useTranslation();
  const accounts = useAccountsList();
  const accountRefs = accounts.status === 'ready' ? accounts.accounts.map((a) => `${a.namespace}/${a.name}`) : [];
  // The saved account stays choosable even when the hub cannot be asked right now.
  const accountOptions = [...new Set([...(prefs.dashboardDefaultAccount ? [prefs.dashboardDefaultAccount] : []), ...accountRefs])];
  const durationOptions = [...new Set<string>([...durations, prefs.dashboardTokenDuration])];
  const knownDuration = (d: string): d is (typeof durations)[number] => (durations as readonly string[]).includes(d);

  return (
    <Card title={t('settings.dashboard.title')}>
      <Form {...layout} component="div">
        <Form.Item
          label={t('settings.dashboard.defaultAccount')}
          htmlFor="pref-dashboardDefaultAccount"
          extra={
            accounts.status === 'error'
              ? t('settings.dashboard.accountsUnavailable', { reason: describeError(accounts.error).message })
              : t('settings.dashboard.defaultAccountHelp')
          }
        >
          <Select<string>
            id="pref-dashboardDefaultAccount"
            style={{ maxWidth: 360 }}
            allowClear
            showSearch
            placeholder={t('settings.dashboard.defaultAccountPlaceholder')}
            value={prefs.dashboardDefaultAccount ?? undefined}
            loading={accounts.status === 'loading' || pending.has('dashboardDefaultAccount')}
            options={accountOptions.map((ref) => ({ value: ref, label: ref }))}
            onChange={(value) => void update({ dashboardDefaultAccount: value ?? null })}
          />
        </Form.Item>
        <Form.Item label={t('settings.dashboard.tokenDuration')} htmlFor="pref-dashboardTokenDuration" extra={t('settings.dashboard.tokenDurationHelp')}>
          <Select<string>
            id="pref-dashboardTokenDuration"
            style={{ maxWidth: 200 }}
            value={prefs.dashboardTokenDuration}
            loading={pending.has('dashboardTokenDuration')}
            options={durationOptions.map((d) => ({ value: d, label: knownDuration(d) ? t(`settings.dashboard.durations.${d}`) : d }))}
            onChange={(value) => void update({ dashboardTokenDuration: value })}
          />
        </Form.Item>
        <Form.Item label={t('settings.dashboard.openIn')}>
          <Radio.Group
            aria-label={t('settings.dashboard.openIn')}
            value={prefs.dashboardOpenIn}
            disabled={pending.has('dashboardOpenIn')}
            onChange={(event) => void update({ dashboardOpenIn: event.target.value as Preferences['dashboardOpenIn'] })}
            options={targets.map((target) => ({ value: target, label: t(target === 'app' ? 'settings.dashboard.openInApp' : 'settings.dashboard.openInBrowser') }))}
          />
        </Form.Item>
        {toggles.map((key) => (
          <Form.Item key={key} label={t(`settings.dashboard.${key}`)} htmlFor={`pref-${key}`} extra={t(`settings.dashboard.${key}Help`)}>
            <Switch id={`pref-${key}`} checked={prefs[key]} loading={pending.has(key)} onChange={(checked) => void update({ [key]: checked })} />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}
