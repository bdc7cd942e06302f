import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** Things main says the user must know (e.g. a corrupt settings file was backed up and reset). */
export function NoticesBanner({ notices }: { notices: readonly string[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <Flex vertical gap="small" data-testid="notices">
      {notices.map((notice) => (
        <Alert key={notice} type="warning" showIcon title={t('notices.title')} description={notice} closable />
      ))}
    </Flex>
  );
}
