import { App } from 'antd';
import { createElement, useState } from 'react';
import { Trans } from 'react-i18next';
import type { PreferencesPatch } from '../../../electron/store/settings-schema.ts';
import { api } from '../api/index.ts';
import { useSettings } from './use-settings.ts';

/** Saves one preference at a time; controls show the saved value, so a failed save leaves them unchanged. */
export function useUpdatePreferences(): {
  update: (patch: PreferencesPatch) => Promise<void>;
  pending: ReadonlySet<string>;
  error: unknown;
  clearError: () => void;
} {
  const { message } = App.useApp();
  const { reload } = useSettings();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  const update = async (patch: PreferencesPatch) => {
    const keys = Object.keys(patch);
    setPending((p) => new Set([...p, ...keys]));
    setError(null);
    try {
      await api.preferences.update(patch);
      await reload();
      // Rendered, not a string: after a language change the toast must speak the new language.
      void message.success({ content: createElement(Trans, { i18nKey: 'common.saved' }), key: 'preferences-saved' });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending((p) => new Set([...p].filter((k) => !keys.includes(k))));
    }
  };

  return { update, pending, error, clearError: () => setError(null) };
}
