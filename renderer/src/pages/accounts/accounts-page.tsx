import { App, Card, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AccountsTable, type Account } from './accounts-table.tsx';
import { CreateAccountForm } from './create-account-form.tsx';
import { HubStatusPanel, type HubStatus } from './hub-status-panel.tsx';

/** Karpor's "How to create token" guide as a form: accounts in the hub with their ClusterRoles. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hub, setHub] = useState<HubStatus | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [roles, setRoles] = useState<{ roles: string[]; defaultRole: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [list, r] = await Promise.all([api.accounts.list(), api.accounts.roles()]);
      setAccounts(list.accounts);
      setRoles(r);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (hub) void load();
  }, [hub, load]);

  const remove = async (a: Account) => {
    try {
      const res = await api.accounts.delete({ name: a.name, namespace: a.namespace });
      void message.success(t('accounts.deleted', { name: `${a.namespace}/${a.name}`, count: res.forgottenTokens }));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  // Opens in the app's dashboard window (or the system browser, per settings); the token never reaches this page.
  const openDashboard = async (a: Account) => {
    const name = a.namespace === 'default' ? a.name : `${a.namespace}/${a.name}`;
    try {
      await api.dashboard.open({ account: name });
      void message.success(t('accounts.dashboardOpened', { name }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Flex vertical gap="middle" data-testid="accounts-page">
      <Typography.Text type="secondary">{t('accounts.intro')}</Typography.Text>
      <HubStatusPanel onStatus={setHub} />
      {hub && (
        <>
          {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} />}
          <Card title={t('accounts.createTitle')} size="small">
            {roles && (
              <CreateAccountForm
                roles={roles.roles}
                defaultRole={roles.defaultRole}
                onCreated={(r) => {
                  void message.success(r.created ? t('accounts.created', { name: `${r.account.namespace}/${r.account.name}` }) : t('accounts.reused', { name: `${r.account.namespace}/${r.account.name}` }));
                  void load();
                }}
              />
            )}
          </Card>
          <Card title={t('accounts.listTitle')} size="small" styles={{ body: { padding: 0 } }}>
            <AccountsTable accounts={accounts} loading={loading} onDelete={(a) => void remove(a)} onOpenDashboard={(a) => void openDashboard(a)} />
          </Card>
        </>
      )}
    </Flex>
  );
}
