import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

interface Props {
  /** Set by Form.Item so its label points at the text input. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** False where no native file dialog exists (the browser bridge): the user types the path. */
  canBrowse: boolean;
  onBrowseUnsupported: () => void;
}

export function KubeconfigPathInput({ id, value, onChange, canBrowse, onBrowseUnsupported }: Props) {
  const { t } = useTranslation();
  const [browseError, setBrowseError] = useState<unknown>(null);

  const browse = async () => {
    setBrowseError(null);
    try {
      const picked = await api.kube.pickFile();
      if (picked.path !== null) onChange?.(picked.path);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNSUPPORTED') onBrowseUnsupported();
      else setBrowseError(error);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          value={value}
          onChange={(event) => onChange?.(event.target.value)}
          placeholder={t('profile.fields.kubeconfigPlaceholder')}
          allowClear
          spellCheck={false}
          autoComplete="off"
        />
        {canBrowse && (
          <Button icon={<FolderOpenOutlined />} onClick={() => void browse()} aria-label={t('profile.fields.browseLabel')}>
            {t('profile.fields.browse')}
          </Button>
        )}
      </Space.Compact>
      {browseError !== null && <ErrorAlert error={browseError} onClose={() => setBrowseError(null)} />}
    </Space>
  );
}
