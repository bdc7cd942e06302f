import { AutoComplete, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
// Pure and dependency-free: the same rule main applies, checked before any call.
import { durationPresets, parseDuration } from '../../../../electron/accounts/duration.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export type Minted = ChannelOutput<'tokens:create'>;
type Account = ChannelOutput<'accounts:list'>['accounts'][number];

interface Props {
  accounts: readonly Account[];
  initialAccount?: string;
  onMinted: (token: Minted) => void;
}

interface Values {
  account: string;
  duration: string;
}

export function MintTokenForm({ accounts, initialAccount, onMinted }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    const [namespace = 'default', name = ''] = values.account.split('/');
    setPending(true);
    setError(null);
    try {
      onMinted(await api.tokens.create({ account: name, namespace, duration: values.duration.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Form<Values>
      name="token"
      layout="inline"
      data-testid="mint-token"
      initialValues={{ account: initialAccount, duration: '8h' }}
      onFinish={(v) => void submit(v)}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="account" label={t('tokens.account')} rules={[{ required: true, message: t('tokens.accountRequired') }]}>
        <Select
          style={{ minWidth: 220 }}
          aria-label={t('tokens.account')}
          showSearch
          options={accounts.map((a) => ({
            value: `${a.namespace}/${a.name}`,
            label: `${a.namespace}/${a.name}${a.roles[0] ? ` · ${a.roles.map((r) => r.role).join(', ')}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="duration"
        label={t('tokens.duration')}
        extra={t('tokens.durationHelp')}
        rules={[
          {
            validator: async (_, value: string) => {
              const r = parseDuration(value ?? '');
              if (!r.ok) throw new Error(r.reason);
            },
          },
        ]}
      >
        <AutoComplete style={{ width: 140 }} aria-label={t('tokens.duration')} options={durationPresets.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('tokens.mint')}
        </Button>
      </Form.Item>
      {error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorAlert error={error} onClose={() => setError(null)} testId="mint-error" />
        </div>
      )}
    </Form>
  );
}
