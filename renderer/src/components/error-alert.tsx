import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error.ts';

interface Props {
  error: unknown;
  onClose?: () => void;
  /** Identifies the alert for tests and screen-reader landmarks. */
  testId?: string;
}

/** An API error as the user should see it: a translated headline, main's message (it names the file, port...), and the fix. */
export function ErrorAlert({ error, onClose, testId }: Props) {
  const { t } = useTranslation();
  const info = describeError(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-error-code={info.code}
      title={t(`errors.title.${info.code}`)}
      description={
        <>
          <div>{info.message}</div>
          {info.hint && <div>{t('errors.hint', { hint: info.hint })}</div>}
        </>
      }
      closable={onClose ? { onClose } : false}
    />
  );
}
