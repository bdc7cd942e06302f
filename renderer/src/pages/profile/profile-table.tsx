import { CheckCircleOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../electron/store/settings-schema.ts';

interface Props {
  profiles: readonly Profile[];
  activeProfileId: string | null;
  onActivate: (profile: Profile) => void;
  onEdit: (profile: Profile) => void;
  onDelete: (profile: Profile) => void;
}

export function ProfileTable({ profiles, activeProfileId, onActivate, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Profile> = [
    {
      title: t('profile.columns.name'),
      key: 'name',
      render: (_, p) => (
        <Flex gap="small" align="center" wrap>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.id === activeProfileId && (
            <Tag color="success" icon={<CheckCircleOutlined />}>
              {t('profile.active')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('profile.columns.context'),
      key: 'context',
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text>{p.context}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: p.kubeconfigPath ?? undefined }} style={{ fontSize: 12, maxWidth: 280 }}>
            {p.kubeconfigPath ?? t('profile.defaultKubeconfig')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('profile.columns.target'),
      key: 'target',
      render: (_, p) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{`${p.namespace}/${p.service}:${p.servicePort}`}</Typography.Text>,
    },
    {
      title: t('profile.columns.localPort'),
      key: 'localPort',
      render: (_, p) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{`127.0.0.1:${p.localPort}`}</Typography.Text>,
    },
    {
      title: t('profile.columns.actions'),
      key: 'actions',
      align: 'end',
      render: (_, p) => (
        <Flex gap="small" justify="end">
          {p.id !== activeProfileId && (
            <Button size="small" onClick={() => onActivate(p)} aria-label={t('profile.activateLabel', { name: p.name })}>
              {t('profile.activate')}
            </Button>
          )}
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(p)} aria-label={t('profile.editLabel', { name: p.name })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('profile.deleteConfirm', { name: p.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(p)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('profile.deleteLabel', { name: p.name })}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Table<Profile>
      rowKey="id"
      columns={columns}
      dataSource={[...profiles]}
      pagination={false}
      size="middle"
      locale={{ emptyText: t('profile.empty') }}
      data-testid="profile-table"
    />
  );
}
