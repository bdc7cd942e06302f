import { Alert, Button, Card, Descriptions, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useForward, type ForwardStatusView } from './use-forward.ts';

type State = ForwardStatusView['state'];

const tagColor: Record<State['status'], string> = {
  stopped: 'default',
  starting: 'processing',
  ready: 'success',
  reconnecting: 'warning',
  error: 'error',
};

const time = (iso: string) => new Date(iso).toLocaleString();

/** The forward of the active profile: its state, the pod in use, the last error, an event log, and Start/Stop. */
export function ForwardPage() {
  const { t } = useTranslation();
  const f = useForward();
  const status = f.status;
  if (!status) return f.error ? <ErrorAlert error={f.error} /> : null;
  const s = status.state;
  const running = s.status !== 'stopped';

  const statusLine = (() => {
    switch (s.status) {
      case 'stopped':
        return t('forward.status.stopped');
      case 'starting':
        return t('forward.status.starting', { port: s.localPort });
      case 'ready':
        return t('forward.status.ready', { port: s.localPort, pod: s.pod });
      case 'reconnecting':
        return t('forward.status.reconnecting', { attempt: s.attempt });
      case 'error':
        return t('forward.status.error', { message: s.message });
    }
  })();

  const details: { key: string; label: string; children: ReactNode }[] = [];
  if (status.target) {
    const tg = status.target;
    details.push({ key: 'target', label: t('forward.target'), children: `${tg.context} · ${tg.namespace}/${tg.service}:${tg.servicePort}` });
    details.push({ key: 'local', label: t('forward.localAddress'), children: <Typography.Text code>{`https://127.0.0.1:${s.status === 'stopped' ? tg.localPort : s.localPort}`}</Typography.Text> });
  }
  if (s.status === 'ready') {
    details.push({ key: 'pod', label: t('forward.pod'), children: s.pod });
    details.push({ key: 'since', label: t('forward.since'), children: time(s.since) });
    details.push({ key: 'cert', label: t('forward.certificate'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{s.hubCertFingerprint256}</Typography.Text> });
  }
  if (s.status === 'reconnecting') {
    details.push({ key: 'attempt', label: t('forward.attempt'), children: s.attempt });
    details.push({ key: 'next', label: t('forward.nextRetry'), children: time(s.nextRetryAt) });
  }

  return (
    <Flex vertical gap="middle" data-testid="forward-page">
      {f.error !== null && <ErrorAlert error={f.error} onClose={f.clearError} />}
      {!status.profileId && <Alert type="info" showIcon title={t('forward.noProfile')} />}
      <Card
        title={
          <Space>
            {t('forward.title')}
            <Tag color={tagColor[s.status]} data-testid="forward-status">
              {t(`forward.tag.${s.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {running && <Button onClick={() => void f.recheck()}>{t('forward.recheck')}</Button>}
            {running ? (
              <Button danger onClick={() => void f.stop()}>
                {t('forward.stop')}
              </Button>
            ) : (
              <Button type="primary" disabled={!status.profileId} onClick={() => void f.start()}>
                {t('forward.start')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex vertical gap="middle">
          <Typography.Text strong>{statusLine}</Typography.Text>
          {s.status === 'error' && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={s.message}
              description={t('forward.hint') + ': ' + s.hint}
              action={
                s.suggestedPort !== undefined && (
                  <Button type="primary" onClick={() => void f.usePort()}>
                    {t('forward.usePort', { port: s.suggestedPort })}
                  </Button>
                )
              }
            />
          )}
          {s.status === 'reconnecting' && <Alert type="warning" showIcon title={t('forward.lastError')} description={s.lastError} />}
          {details.length > 0 && <Descriptions column={1} size="small" items={details} />}
        </Flex>
      </Card>
      <Card title={t('forward.log')} size="small">
        {f.log.length === 0 ? (
          <Empty description={t('forward.logEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            dataSource={[...f.log].reverse()}
            renderItem={(e) => (
              <List.Item>
                <Typography.Text type={e.level === 'error' ? 'danger' : e.level === 'warn' ? 'warning' : undefined}>
                  <Typography.Text type="secondary">{time(e.at)}</Typography.Text> {e.message}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
