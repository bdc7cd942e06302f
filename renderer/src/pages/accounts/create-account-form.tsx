import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
// Pure and dependency-free: the same rule main applies, checked as the user types.
import { checkAccountName, checkNamespaceName } from '../../../../electron/accounts/account-name.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

type Created = ChannelOutput<'accounts:create'>;

interface Props {
  roles: readonly string[];
  defaultRole: string | null;
  onCreated: (result: Created) => void;
}

interface Values {
  name: string;
  namespace: string;
  role: string;
}

export function CreateAccountForm({ roles, defaultRole, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    setPending(true);
    setError(null);
    try {
      onCreated(await api.accounts.create({ name: values.name.trim(), namespace: values.namespace.trim() || 'default', role: values.role }));
      form.resetFields(['name']);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="account"
      layout="inline"
      data-testid="create-account"
      initialValues={{ name: '', namespace: 'default', role: defaultRole ?? undefined }}
      onFinish={(v) => void submit(v)}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="name"
        label={t('accounts.name')}
        rules={[
          {
            validator: async (_, value: string) => {
              const r = checkAccountName(value ?? '');
              if (!r.ok) throw new Error(r.reason);
            },
          },
        ]}
      >
        <Input placeholder={t('accounts.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="namespace"
        label={t('accounts.namespace')}
        rules={[
          {
            validator: async (_, value: string) => {
              const r = checkNamespaceName(value ?? '');
              if (!r.ok) throw new Error(r.reason);
            },
          },
        ]}
      >
        <Input style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('accounts.roleRequired') }]} extra={t('accounts.roleHelp')}>
        <Select
          style={{ minWidth: 180 }}
          aria-label={t('accounts.role')}
          options={roles.map((r) => ({ value: r, label: r === defaultRole ? t('accounts.leastPrivilege', { role: r }) : r }))}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('accounts.create')}
        </Button>
      </Form.Item>
      {error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorAlert error={error} onClose={() => setError(null)} testId="create-account-error" />
        </div>
      )}
    </Form>
  );
}
