import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { api } from '../api/index.ts';

export type SettingsView = ChannelOutput<'settings:get'>;
export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; view: SettingsView };

/**
 * Reads the settings once and then follows `settings:changed`, which main pushes after every
 * change (from this window, the tray or another window), so the UI never shows stale settings.
 */
export function useSettingsSubscription(): { state: SettingsState; reload: () => Promise<void> } {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const view = await api.settings.get();
      setState({ status: 'ready', view });
    } catch (error) {
      // Keep showing settings we already have; only the first load turns into an error screen.
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error }));
    }
  }, []);
  useEffect(() => {
    const unsubscribe = api.on('settings:changed', (view) => setState({ status: 'ready', view }));
    void reload();
    return unsubscribe;
  }, [reload]);
  return { state, reload };
}

export interface SettingsContextValue {
  view: SettingsView;
  /** Re-read after a change, in case the change event is late or the transport dropped it. */
  reload: () => Promise<void>;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

/** The loaded settings, for pages rendered inside the app (the app shows no page before they load). */
export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() used outside SettingsContext');
  return value;
}
