// IPC handlers of the settings, profiles and preferences domains.
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';

type SettingsChannels = 'settings:get' | 'profiles:save' | 'profiles:delete' | 'profiles:activate' | 'preferences:update';

export function settingsHandlers(services: Services): Pick<HandlerTable, SettingsChannels> {
  const { settings } = services;
  return {
    'settings:get': async () => settings.get(),
    'profiles:save': async (input) => settings.saveProfile(input),
    'profiles:delete': async ({ id }) => ({ deleted: settings.deleteProfile(id) }),
    'profiles:activate': async ({ id }) => settings.activateProfile(id),
    'preferences:update': async (patch) => settings.updatePreferences(patch),
  };
}
