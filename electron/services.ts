// The main-process services, composed once. The Electron app, the dev bridge and the CLI all call
// this, so each runs the same code; only the collaborators they pass differ.
import os from 'node:os';
import { createKubeconfigSource, type KubeconfigSource } from './kube/kubeconfig-source.ts';
import { openSettingsFile } from './store/settings-file.ts';
import { createSettingsService, type SettingsService } from './store/settings-service.ts';
import { createEventBus, type EventBus } from './ipc/event-bus.ts';
import { createAccountsServices, type AccountsServices, type AccountsServicesOptions } from './accounts/accounts-services.ts';
import { createForwardController, type ForwardController } from './forward/forward-controller.ts';
import { activeProfileForward } from './accounts/forward-endpoint.ts';

export interface ServicesOptions {
  /** Folder of settings.json (the app passes its userData folder). */
  settingsDir: string;
  /** Reported by app:info; the app passes app.getVersion(). */
  version: string;
  homeDir?: string;
  /** Where KUBECONFIG is read from, at every call. */
  getEnv?: () => { KUBECONFIG?: string | undefined };
  /** A native "open file" dialog; absent where there is none (the dev bridge, the CLI). */
  pickKubeconfigFile?: () => Promise<string | null>;
  now?: () => Date;
  log?: (line: string) => void;
  /** Forward, token cipher (safeStorage in the app) and clipboard for the accounts services. */
  accounts?: Pick<AccountsServicesOptions, 'forward' | 'encryptor' | 'clipboard'>;
}

export interface Services {
  version: string;
  platform: NodeJS.Platform;
  events: EventBus;
  kube: KubeconfigSource;
  settings: SettingsService;
  pickKubeconfigFile: (() => Promise<string | null>) | undefined;
  accounts: AccountsServices;
  /** The persistent port-forwards (one per profile; the UI drives the active profile's). */
  forward: ForwardController;
}

export function createServices(options: ServicesOptions): Services {
  const events = createEventBus(options.log);
  const kube = createKubeconfigSource({ homeDir: options.homeDir ?? os.homedir(), getEnv: options.getEnv });
  const settings = createSettingsService({
    file: openSettingsFile({ dir: options.settingsDir, now: options.now }),
    assertContext: (kubeconfigPath, context) => kube.assertContext(kubeconfigPath, context),
  });
  settings.onChange((view) => events.emit('settings:changed', view));
  const accounts = createAccountsServices({
    // Through the active profile's persistent forward unless the caller brings its own (the CLI's temporary one).
    forward: activeProfileForward({ active: () => forward.active() }),
    ...options.accounts,
    settings,
    kubeConfigFor: (kubeconfigPath, context) => kube.kubeConfigFor(kubeconfigPath, context),
    vaultDir: options.settingsDir,
    exportDir: options.homeDir ?? os.homedir(),
  });
  const forward = createForwardController({ settings, loadKubeConfig: (file, context) => kube.kubeConfigFor(file, context), onChange: (status) => events.emit('forward:changed', status) });
  return { version: options.version, platform: process.platform, events, kube, settings, pickKubeconfigFile: options.pickKubeconfigFile, accounts, forward };
}
