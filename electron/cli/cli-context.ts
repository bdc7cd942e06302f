// What a CLI command gets: where to write, the environment, the target cluster and the services (made
// on first use, so a command aimed at a cluster by flags, or one that only reads a kubeconfig, never
// opens or creates the settings file).
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../services.ts';
import { createKubeconfigSource, type KubeconfigSource } from '../kube/kubeconfig-source.ts';
import { defaultSettingsDir } from '../store/settings-dir.ts';
import { SETTINGS_FILE_NAME } from '../store/settings-file.ts';
import type { SettingsService } from '../store/settings-service.ts';
import type { Profile } from '../store/settings-schema.ts';
import { createForwardService } from '../forward/forward-service.ts';
import { temporaryForward } from '../accounts/forward-endpoint.ts';
import { createAccountsServices, type AccountsServices } from '../accounts/accounts-services.ts';
import { memorySettings } from './memory-settings.ts';
import { resolveTarget, type ResolvedTarget, type TargetFlags } from './cli-target.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** The services a hub command uses for one target. */
export interface HubScope {
  accounts: AccountsServices;
  settings: SettingsService;
}

export interface CliContext {
  io: CliIo;
  version: string;
  kube(): KubeconfigSource;
  services(): Services;
  /** Flags → that target; none → the app's active profile; none → kubectl's current context. */
  target(flags: TargetFlags): ResolvedTarget;
  /** Accounts services aimed at `target` (the app's own when it is the active profile). */
  hub(target: ResolvedTarget): HubScope;
}

export function createCliContext(io: CliIo, version: string): CliContext {
  let services: Services | undefined;
  let kube: KubeconfigSource | undefined;
  const getEnv = () => io.env;
  const settingsDir = defaultSettingsDir(io.env);
  const hasSettingsFile = () => existsSync(path.join(settingsDir, SETTINGS_FILE_NAME));
  const getKube = (): KubeconfigSource => services?.kube ?? (kube ??= createKubeconfigSource({ homeDir: os.homedir(), getEnv }));
  // Hub commands reach Karpor through a forward opened for the command's own duration.
  const forward = temporaryForward(() => createForwardService({ loadKubeConfig: (file, context) => getKube().kubeConfigFor(file, context) }));
  const getServices = (): Services => (services ??= createServices({ settingsDir, version, getEnv, accounts: { forward } }));
  const activeProfile = (): Profile | null => {
    if (!hasSettingsFile()) return null;
    const { settings } = getServices().settings.get();
    return settings.profiles.find((p) => p.id === settings.activeProfileId) ?? null;
  };
  return {
    io,
    version,
    kube: getKube,
    services: getServices,
    target: (flags) => resolveTarget(flags, { kube: getKube(), activeProfile }),
    hub(target) {
      if (target.source === 'profile') return { accounts: getServices().accounts, settings: getServices().settings };
      // Preferences (the default account) still come from the app's settings when there are any.
      const settings = hasSettingsFile() ? getServices().settings : memorySettings((file, context) => getKube().assertContext(file, context));
      const accounts = createAccountsServices({
        settings,
        profile: () => target.profile,
        kubeConfigFor: (file, context) => getKube().kubeConfigFor(file, context),
        forward,
        vaultDir: settingsDir,
        exportDir: os.homedir(),
      });
      return { accounts, settings };
    },
  };
}
