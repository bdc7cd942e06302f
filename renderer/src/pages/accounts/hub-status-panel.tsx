import { Alert, Button, Card, Descriptions, Flex, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/ipc/contract.ts';
import { api } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { describeError } from '../../errors/describe-error.ts';

export type HubStatus = ChannelOutput<'hub:status'>;

/** Errors after which importing a hub kubeconfig file is the way forward. */
const IMPORT_OFFER_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'KUBECONFIG_INVALID']);

interface Props {
  /** Called with the status once the hub answers (and after an import). */
  onStatus?: (status: HubStatus | null) => void;
}

/** Where the hub credentials come from, whether RBAC is on, and the import path when the ConfigMap is out of reach. */
export function HubStatusPanel({ onStatus }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HubStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [showImport, setShowImport] = useState(false);
  const [path, setPath] = useState('');
  const [importing, setImporting] = useState(false);

  const apply = useCallback(
    (next: HubStatus | null, err: unknown) => {
      setStatus(next);
      setError(err);
      onStatus?.(next);
    },
    [onStatus],
  );

  const load = useCallback(async () => {
    setLoading(true);
    try {
      apply(await api.hub.status(), null);
    } catch (err) {
      apply(null, err);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    void load();
  }, [load]);

  const doImport = async () => {
    setImporting(true);
    try {
      apply(await api.hub.import({ path: path.trim() }), null);
      setShowImport(false);
    } catch (err) {
      setError(err);
    } finally {
      setImporting(false);
    }
  };

  const offerImport = showImport || (error !== null && IMPORT_OFFER_CODES.has(describeError(error).code));

  return (
    <Card title={t('hub.title')} size="small" data-testid="hub-status" extra={<Button size="small" onClick={() => void load()} loading={loading}>{t('hub.refresh')}</Button>}>
      <Flex vertical gap="small">
        {loading && status === null && error === null && <Spin />}
        {error !== null && <ErrorAlert error={error} testId="hub-error" />}
        {status && (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'source', label: t('hub.source'), children: status.source === 'configmap' ? t('hub.fromConfigMap', { origin: status.origin }) : t('hub.fromFile', { origin: status.origin }) },
              { key: 'server', label: t('hub.server'), children: <Typography.Text code>{status.server}</Typography.Text> },
              { key: 'rbac', label: t('hub.rbac'), children: status.rbacEnabled ? t('hub.rbacOn') : t('hub.rbacOffShort') },
            ]}
          />
        )}
        {status?.notice && <Alert type="warning" showIcon data-testid="rbac-off" title={t('hub.rbacOffTitle')} description={status.notice} />}
        {offerImport ? (
          <Flex vertical gap="small" data-testid="hub-import">
            <Typography.Text type="secondary">{t('hub.importIntro')}</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Input aria-label={t('hub.importPath')} placeholder={t('hub.importPlaceholder')} value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={() => void doImport()} />
              <Button type="primary" onClick={() => void doImport()} loading={importing} disabled={path.trim() === ''}>
                {t('hub.import')}
              </Button>
            </Space.Compact>
          </Flex>
        ) : (
          <Button type="link" size="small" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setShowImport(true)}>
            {t('hub.useFile')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
