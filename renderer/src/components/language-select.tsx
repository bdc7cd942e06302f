import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../electron/store/settings-schema.ts';

type Language = Preferences['language'];
const languages: readonly Language[] = ['system', 'en', 'zh-CN'];

interface Props {
  id?: string;
  value: Language;
  onChange: (language: Language) => void;
  loading?: boolean;
  /** Where no visible label is next to it (the welcome screen's corner). */
  ariaLabel?: string;
}

export function LanguageSelect({ id, value, onChange, loading, ariaLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      loading={loading}
      prefix={<GlobalOutlined aria-hidden />}
      style={{ width: 200 }}
      options={languages.map((language) => ({ value: language, label: t(`settings.languages.${language}`) }))}
    />
  );
}
