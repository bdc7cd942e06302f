import { createContext, useContext, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { api } from '../api/index.ts';

export type AppInfo = ChannelOutput<'app:info'>;

/** Asks main once for version and transport; null until known (nothing depends on it to work). */
export function useAppInfoLoader(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let current = true;
    api.app.info().then(
      (value) => current && setInfo(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return info;
}

export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo | null {
  return useContext(AppInfoContext);
}
