// The hub, accounts, tokens and vault services for the active profile, composed once for the app,
// the dev bridge and the CLI. Collaborators that differ per transport (forward, cipher, clipboard) come in.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { createHubConnection, DEFAULT_CONFIGMAP, type HubConnection, type HubEndpoint } from './hub-connection.ts';
import { createAccountsService, type AccountsService } from './accounts-service.ts';
import { createTokensService, type TokensService } from './tokens-service.ts';
import { createTokenVault, type TokenVault } from './vault/token-vault.ts';
import { createAesGcmEncryptor } from './vault/aes-gcm-encryptor.ts';
import type { Encryptor } from './vault/encryptor.ts';
import { createClipboardGuard, type ClipboardGuard, type ClipboardPort } from './clipboard-guard.ts';
import { fail } from './errors.ts';
import type { Profile } from '../store/settings-schema.ts';
import type { SettingsService } from '../store/settings-service.ts';

export const VAULT_FILE = 'token-vault.json';
/** Without safeStorage (dev bridge, CLI) tokens are sealed with a per-process key, in a file of their own. */
export const SESSION_VAULT_FILE = 'token-vault.session.json';

export interface AccountsServicesOptions {
  settings: SettingsService;
  /** The target to use instead of the settings' active profile (the CLI's --kubeconfig/--context flags). */
  profile?: () => Profile;
  /** The profile's host cluster, as kubectl would connect. */
  kubeConfigFor(kubeconfigPath: string | null, context: string): KubeConfig;
  /** Reach the hub of `profile` through its forward (the running one, or a temporary one in the CLI). */
  forward?: (profile: Profile) => Promise<HubEndpoint>;
  /** Folder of the vault file (the settings folder; the vault is a file of its own). */
  vaultDir: string;
  /** safeStorage in the app (its async encryptor may still be starting); without one, tokens are sealed with a key that lives only as long as this process. */
  encryptor?: Encryptor | Promise<Encryptor>;
  clipboard?: ClipboardPort;
  /** Where exported kubeconfigs go when no path is given. */
  exportDir: string;
  configMapName?: string;
}

export interface AccountsServices {
  hub: HubConnection;
  accounts: AccountsService;
  tokens: TokensService;
  vault: TokenVault;
  clipboard: ClipboardGuard | null;
  exportDir: string;
  activeProfile(): Profile;
  keepTokens(): boolean;
}

export function createAccountsServices(options: AccountsServicesOptions): AccountsServices {
  const activeProfile = options.profile ?? ((): Profile => {
    const { settings } = options.settings.get();
    const profile = settings.profiles.find((p) => p.id === settings.activeProfileId);
    if (!profile) throw fail('NOT_FOUND', 'No cluster profile is active.', 'Create a profile (kubeconfig, context, namespace) first.');
    return profile;
  });
  const hub = createHubConnection({
    hostKubeConfig: async () => {
      const p = activeProfile();
      return options.kubeConfigFor(p.kubeconfigPath, p.context);
    },
    configMap: () => ({ namespace: activeProfile().namespace, name: options.configMapName ?? DEFAULT_CONFIGMAP.name }),
    forward: async () => {
      if (!options.forward) throw fail('UNAVAILABLE', 'No port-forward to Karpor is running.', 'Start forwarding, then try again.');
      return options.forward(activeProfile());
    },
    hubId: () => activeProfile().id,
  });
  // The ConfigMap lives in the profile's cluster and Karpor namespace: switching or editing the active
  // profile may mean another hub, so its credentials are read again.
  const hubKey = (profiles: readonly Profile[], id: string | null): string => {
    const p = profiles.find((x) => x.id === id);
    return p ? JSON.stringify([p.id, p.kubeconfigPath, p.context, p.namespace]) : '';
  };
  let lastHub = hubKey(options.settings.get().settings.profiles, options.settings.get().settings.activeProfileId);
  options.settings.onChange((view) => {
    const next = hubKey(view.settings.profiles, view.settings.activeProfileId);
    if (next !== lastHub) {
      lastHub = next;
      hub.reset();
    }
  });
  let vaultPath = join(options.vaultDir, VAULT_FILE);
  let encryptor: Encryptor | Promise<Encryptor> | undefined = options.encryptor;
  if (!encryptor) {
    // The key dies with the process, so what a previous process kept is unreadable: start empty, and never
    // write into the app's own vault, whose tokens are sealed by safeStorage.
    vaultPath = join(options.vaultDir, SESSION_VAULT_FILE);
    rmSync(vaultPath, { force: true });
    encryptor = createAesGcmEncryptor(randomBytes(32), 'weak');
  }
  const vault = createTokenVault(vaultPath, encryptor);
  const clipboard = options.clipboard ? createClipboardGuard(options.clipboard, { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }) : null;
  return {
    hub,
    accounts: createAccountsService(hub),
    tokens: createTokensService({ hub, vault }),
    vault,
    clipboard,
    exportDir: options.exportDir,
    activeProfile,
    keepTokens: () => options.settings.get().settings.preferences.keepTokens,
  };
}
