import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KubeContextsState } from '../../hooks/use-kube-contexts.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  contexts: KubeContextsState;
}

/** Contexts of the chosen kubeconfig, each with its API server so similar names can be told apart. */
export function ContextSelect({ id, value, onChange, contexts }: Props) {
  const { t } = useTranslation();
  const ready = contexts.status === 'ready' ? contexts.result : null;
  const options = (ready?.contexts ?? []).map((context) => ({
    value: context.name,
    label: context.name,
    server: context.server ?? '',
    current: context.name === ready?.currentContext,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={contexts.status === 'loading'}
      disabled={contexts.status === 'error'}
      placeholder={contexts.status === 'loading' ? t('profile.fields.contextLoading') : t('profile.fields.contextPlaceholder')}
      notFoundContent={contexts.status === 'loading' ? t('profile.fields.contextLoading') : t('profile.fields.contextNone')}
      showSearch={{ optionFilterProp: ['label', 'server'] }}
      optionRender={(option) => (
        <Flex vertical data-testid={`context-option-${option.data.value}`}>
          <Flex gap="small" align="center">
            <Typography.Text strong>{option.data.label}</Typography.Text>
            {option.data.current && <Tag color="blue">{t('profile.fields.contextCurrent')}</Tag>}
          </Flex>
          {option.data.server && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.server}
            </Typography.Text>
          )}
        </Flex>
      )}
    />
  );
}
