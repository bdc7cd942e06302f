import { CopyOutlined, DeleteOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
// Pure and dependency-free: the same warning rule the notification uses.
import { expiryPhase } from '../../../../electron/accounts/expiry-warning.ts';
import { formatRemaining } from './remaining-time.ts';
import { useNow } from './use-now.ts';

export type KeptToken = ChannelOutput<'tokens:list'>['tokens'][number];

interface Props {
  tokens: readonly KeptToken[];
  loading: boolean;
  onCopy: (t: KeptToken) => void;
  onRenew: (t: KeptToken) => void;
  onForget: (t: KeptToken) => void;
  onExport: (t: KeptToken) => void;
}

const phaseColor = { ok: 'green', expiring: 'orange', expired: 'red' } as const;

export function VaultTable({ tokens, loading, onCopy, onRenew, onForget, onExport }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const columns: TableColumnsType<KeptToken> = [
    { title: t('tokens.account'), key: 'account', render: (_, k) => `${k.namespace}/${k.account}` },
    { title: t('tokens.role'), key: 'role', render: (_, k) => k.role ?? '—' },
    { title: t('tokens.issued'), key: 'issued', render: (_, k) => new Date(k.issuedAt).toLocaleString() },
    {
      title: t('tokens.expires'),
      key: 'expires',
      render: (_, k) => {
        const phase = expiryPhase(k, now);
        return (
          <Tooltip title={new Date(k.expiresAt).toLocaleString()}>
            <Tag color={phaseColor[phase]} data-testid="countdown">
              {phase === 'expired' ? t('tokens.expired') : t('tokens.expiresIn', { time: formatRemaining(Date.parse(k.expiresAt) - now) })}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: t('tokens.actions'),
      key: 'actions',
      align: 'end',
      render: (_, k) => (
        <Flex gap="small" justify="end" wrap>
          <Button size="small" icon={<CopyOutlined />} onClick={() => onCopy(k)} disabled={expiryPhase(k, now) === 'expired'}>
            {t('tokens.copy')}
          </Button>
          <Button size="small" icon={<ReloadOutlined />} onClick={() => onRenew(k)}>
            {t('tokens.renew')}
          </Button>
          <Button size="small" icon={<ExportOutlined />} onClick={() => onExport(k)}>
            {t('tokens.export')}
          </Button>
          <Popconfirm title={t('tokens.forgetConfirm')} okText={t('tokens.forget')} cancelText={t('common.cancel')} onConfirm={() => onForget(k)}>
            <Button size="small" icon={<DeleteOutlined />} aria-label={t('tokens.forget')} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Table<KeptToken>
      data-testid="vault-table"
      rowKey="id"
      columns={columns}
      dataSource={[...tokens]}
      loading={loading}
      pagination={false}
      size="small"
      locale={{ emptyText: t('tokens.empty') }}
    />
  );
}
