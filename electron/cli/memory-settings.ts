// Settings for a CLI command run without the app's settings file: the defaults, held in memory, so
// that a command aimed at a cluster with --kubeconfig/--context never creates a settings file.
import { createSettingsService, type SettingsService } from '../store/settings-service.ts';
import { defaultSettings, type Settings } from '../store/settings-schema.ts';
import type { SettingsFile } from '../store/settings-file.ts';

export function memorySettings(assertContext: (kubeconfigPath: string | null, context: string) => void): SettingsService {
  let current: Settings = defaultSettings();
  const file: SettingsFile = {
    path: '(in memory)',
    notices: [],
    read: () => structuredClone(current),
    write: (next) => {
      current = structuredClone(next);
    },
  };
  return createSettingsService({ file, assertContext });
}
