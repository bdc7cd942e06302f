import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';

export type Account = ChannelOutput<'accounts:list'>['accounts'][number];

interface Props {
  accounts: readonly Account[];
  loading: boolean;
  onDelete: (account: Account) => void;
  /** Open the Karpor dashboard logged in as this account. */
  onOpenDashboard?: (account: Account) => void;
}

export function AccountsTable({ accounts, loading, onDelete, onOpenDashboard }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Account> = [
    { title: t('accounts.name'), key: 'name', render: (_, a) => <Typography.Text strong>{a.name}</Typography.Text> },
    { title: t('accounts.namespace'), key: 'namespace', dataIndex: 'namespace' },
    {
      title: t('accounts.roles'),
      key: 'roles',
      render: (_, a) =>
        a.roles.length === 0 ? (
          <Typography.Text type="secondary">{t('accounts.noRole')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {a.roles.map((r) => (
              <Tag key={`${r.bindingNamespace ?? ''}/${r.binding}`} color={r.role === 'karpor-admin' ? 'orange' : r.role === 'karpor-guest' ? 'blue' : undefined}>
                {r.bindingNamespace ? `${r.role} (${r.bindingNamespace})` : r.role}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('accounts.actions'),
      key: 'actions',
      align: 'end',
      render: (_, a) => (
        <Flex gap="small" justify="end">
          {onOpenDashboard && (
            <Button size="small" icon={<ExportOutlined />} aria-label={t('accounts.openDashboardLabel', { name: a.name })} onClick={() => onOpenDashboard(a)}>
              {t('accounts.openDashboard')}
            </Button>
          )}
          <Popconfirm
            title={t('accounts.deleteTitle', { name: `${a.namespace}/${a.name}` })}
            description={t('accounts.deleteConfirm')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onDelete(a)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('accounts.deleteLabel', { name: a.name })} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Table<Account>
      data-testid="accounts-table"
      rowKey={(a) => `${a.namespace}/${a.name}`}
      columns={columns}
      dataSource={[...accounts]}
      loading={loading}
      pagination={false}
      size="small"
      locale={{ emptyText: t('accounts.empty') }}
    />
  );
}
