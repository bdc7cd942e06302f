// Versioned migrations of the settings file, ours rather than conf's (conf keys its migrations
// to the app's semver and runs them inside its constructor, where a failure cannot be turned
// into "back up and reset"). Each step is a pure function from one version's shape to the next.
import { SETTINGS_VERSION } from './settings-schema.ts';

export interface Migration {
  from: number;
  to: number;
  migrate: (old: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Version 0 is the pre-release format (no `schemaVersion`): one flat connection, no profiles.
 *   { kubeconfig?: string, context?: string, karporNamespace?: string, karporService?: string,
 *     remotePort?: number, localPort?: number, openAtLogin?: boolean, autoForward?: boolean }
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  migrate(old) {
    const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
    const context = str(old.context);
    const profile = context === undefined ? undefined : {
      id: 'migrated',
      name: context,
      kubeconfigPath: str(old.kubeconfig) ?? null,
      context,
      namespace: str(old.karporNamespace) ?? 'karpor',
      service: str(old.karporService) ?? 'karpor-server',
      servicePort: typeof old.remotePort === 'number' ? old.remotePort : 7443,
      localPort: typeof old.localPort === 'number' ? old.localPort : 7443,
    };
    const preferences: Record<string, unknown> = {};
    if (typeof old.openAtLogin === 'boolean') preferences.launchAtLogin = old.openAtLogin;
    if (typeof old.autoForward === 'boolean') preferences.startForwardingOnLaunch = old.autoForward;
    return {
      schemaVersion: 1,
      profiles: profile ? [profile] : [],
      activeProfileId: profile ? profile.id : null,
      preferences,
    };
  },
};

/** Ordered: migrations[i].to === migrations[i + 1].from, ending at SETTINGS_VERSION. */
export const migrations: readonly Migration[] = [v0ToV1];

/** The version a parsed settings object was written with; a file without `schemaVersion` is version 0. */
export function readSchemaVersion(raw: Record<string, unknown>): number | null {
  if (!('schemaVersion' in raw)) return 0;
  const v = raw.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** Runs every migration from `fromVersion` up to the current version. */
export function migrateSettings(raw: Record<string, unknown>, fromVersion: number, list: readonly Migration[] = migrations): Record<string, unknown> {
  let current = raw;
  let version = fromVersion;
  while (version < SETTINGS_VERSION) {
    const step = list.find((m) => m.from === version);
    if (!step) throw new Error(`no settings migration from version ${version}`);
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
