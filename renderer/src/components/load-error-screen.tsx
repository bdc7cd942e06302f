import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error.ts';

/** Shown only when the very first settings read fails: the app cannot do anything without them. */
export function LoadErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const info = describeError(error);
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Result
        status="error"
        title={t('app.loadFailed')}
        subTitle={info.hint ? `${info.message} ${t('errors.hint', { hint: info.hint })}` : info.message}
        extra={
          <Button type="primary" onClick={onRetry} autoFocus>
            {t('app.retry')}
          </Button>
        }
      />
    </Flex>
  );
}
