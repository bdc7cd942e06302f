import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { api } from '../api/index.ts';

type NoTrayKey = NonNullable<ChannelOutput<'app:desktopStatus'>['noTrayMessageKey']>;

/** Where the desktop shows no tray icon, closing the window only minimises it: say so, and how to get one. */
export function DesktopStatusBanner() {
  const { t } = useTranslation();
  const [noTray, setNoTray] = useState<NoTrayKey | null>(null);
  useEffect(() => {
    let current = true;
    api.app.desktopStatus().then(
      (status) => current && setNoTray(status.noTrayMessageKey),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (noTray === null) return null;
  return <Alert type="info" showIcon title={t('desktop.noTray.title')} description={t(noTray)} closable data-testid="no-tray" />;
}
