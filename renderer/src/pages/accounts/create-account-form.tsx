import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
// Pure and dependency-free: the same rule main applies, checked as the user types.
import { checkAccountName, checkNamespaceName } from '../../../../electron/accounts/account-name.ts';
import { api } from '../../api/index.ts';
import { checkRule } from '../../components/check-rule.ts';
import { FormFooter } from '../../components/form-footer.tsx';
import { useSubmission } from '../../hooks/use-submission.ts';

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
  const submission = useSubmission();

  const submit = (values: Values) =>
    submission.run(async () => {
      onCreated(await api.accounts.create({ name: values.name.trim(), namespace: values.namespace.trim() || 'default', role: values.role }));
      form.resetFields(['name']);
    });

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
        rules={[checkRule(checkAccountName)]}
      >
        <Input placeholder={t('accounts.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="namespace"
        label={t('accounts.namespace')}
        rules={[checkRule(checkNamespaceName)]}
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
      <FormFooter submitLabel={t('accounts.create')} submission={submission} errorTestId="create-account-error" />
    </Form>
  );
}
