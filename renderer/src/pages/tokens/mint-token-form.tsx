import { AutoComplete, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
// Pure and dependency-free: the same rule main applies, checked before any call.
import { durationPresets, parseDuration } from '../../../../electron/accounts/duration.ts';
import { api } from '../../api/index.ts';
import { checkRule } from '../../components/check-rule.ts';
import { FormFooter } from '../../components/form-footer.tsx';
import { useSubmission } from '../../hooks/use-submission.ts';

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
  const submission = useSubmission();

  const submit = (values: Values) => {
    const [namespace = 'default', name = ''] = values.account.split('/');
    return submission.run(async () => onMinted(await api.tokens.create({ account: name, namespace, duration: values.duration.trim() })));
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
        rules={[checkRule(parseDuration)]}
      >
        <AutoComplete style={{ width: 140 }} aria-label={t('tokens.duration')} options={durationPresets.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <FormFooter submitLabel={t('tokens.mint')} submission={submission} errorTestId="mint-error" />
    </Form>
  );
}
