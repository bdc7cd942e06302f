import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Minted } from './mint-token-form.tsx';
import { copyKeptToken, copyText } from './copy-token.ts';

interface Props {
  minted: Minted | null;
  onClose: () => void;
}

/** The one time a token is on screen: shown, copyable, and gone when the dialog closes. */
export function TokenOnceModal({ minted, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (!minted) return null;

  const copy = async () => {
    try {
      if (minted.kept) await copyKeptToken(minted.kept.id);
      else await copyText(minted.token);
      void message.success(t('tokens.copied'));
    } catch {
      void message.error(t('tokens.copyFailed'));
    }
  };

  return (
    <Modal open title={t('tokens.onceTitle', { account: `${minted.namespace}/${minted.account}` })} onCancel={onClose} footer={<Button onClick={onClose}>{t('tokens.done')}</Button>} destroyOnHidden width={640}>
      <Flex vertical gap="middle" data-testid="token-once">
        <Typography.Text type="secondary">{minted.kept ? t('tokens.onceKept') : t('tokens.onceNotKept')}</Typography.Text>
        <Flex gap="small">
          <Input.TextArea readOnly value={minted.token} autoSize={{ minRows: 3, maxRows: 6 }} aria-label={t('tokens.token')} style={{ fontFamily: 'monospace' }} />
          <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('tokens.copy')}
          </Button>
        </Flex>
        {minted.notice && <Alert type="warning" showIcon data-testid="token-shortened" title={t('tokens.shortened')} description={minted.notice} />}
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'role', label: t('tokens.role'), children: minted.role ?? '—' },
            { key: 'expires', label: t('tokens.expires'), children: new Date(minted.expiresAt).toLocaleString() },
          ]}
        />
      </Flex>
    </Modal>
  );
}
