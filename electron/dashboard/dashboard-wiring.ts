// Builds the dashboard service from the app's real services: the running forward of the active
// profile, the hub connection, the token vault and minting, and the preferences. Used by the app
// (with the in-app window) and by the CLI (system browser only).
import type { AccountsServices } from '../accounts/accounts-services.ts';
import { readRbacEnabled } from '../accounts/server-configs.ts';
import type { ForwardService } from '../forward/forward-service.ts';
import type { ForwardController } from '../forward/forward-controller.ts';
import { targetOf } from '../forward/forward-controller.ts';
import type { EventBus } from '../ipc/event-bus.ts';
import type { Profile } from '../store/settings-schema.ts';
import type { SettingsService } from '../store/settings-service.ts';
import { createDashboardService, type DashboardService, type DashboardServiceDeps, type DashboardWindowRequest } from './dashboard-service.ts';
import type { ForwardPort } from './forward-wait.ts';

/** One forward service (the CLI's own, or a test's) started for a profile. */
export function serviceForwardPort(service: Pick<ForwardService, 'state' | 'onState' | 'start'>, profile: () => Profile): ForwardPort {
  return { state: () => service.state(), onState: (cb) => service.onState(cb), start: () => service.start(targetOf(profile())) };
}

/** The app's forward controller: whatever profile is active, told of changes through `forward:changed`. */
export function controllerForwardPort(controller: Pick<ForwardController, 'status' | 'start'>, events: Pick<EventBus, 'subscribe'>): ForwardPort {
  return {
    state: () => controller.status().state,
    onState: (cb) => events.subscribe((event) => event === 'forward:changed' && cb(controller.status().state)),
    start: () => controller.start(),
  };
}

export interface DashboardWiringOptions {
  forward: ForwardPort;
  accounts: Pick<AccountsServices, 'tokens' | 'vault' | 'activeProfile' | 'keepTokens' | 'clipboard'>;
  settings: Pick<SettingsService, 'get'>;
  openInApp?: (request: DashboardWindowRequest) => void;
  openExternal(url: string): Promise<void>;
  notify?: (title: string, body: string) => void;
  onProgress?: (message: string) => void;
  forwardWaitMs?: number;
  now?: () => number;
  /**
   * false in the CLI: it cannot open the app's vault (sealed with the OS key store through Electron)
   * and must not fill it with tokens sealed by a key that dies with the process.
   */
  useVault?: boolean;
  /** Told the vault id of every token this service minted and kept (so "auto-open after minting" can skip its own). */
  onKeptMint?: (id: string) => void;
  text?: DashboardServiceDeps['text'];
}

export function wireDashboardService(options: DashboardWiringOptions): DashboardService {
  const { forward, accounts } = options;
  const useVault = options.useVault ?? true;
  const localServer = (): string => {
    const state = forward.state();
    return `https://127.0.0.1:${state.status === 'stopped' ? accounts.activeProfile().localPort : state.localPort}`;
  };
  return createDashboardService({
    forward,
    hub: {
      hubId: () => accounts.activeProfile().id,
      // Asked through the forward, i.e. of exactly the server the dashboard will be loaded from.
      rbacEnabled: () => readRbacEnabled(localServer()),
    },
    tokens: {
      kept: async () => (useVault ? accounts.vault.list() : []),
      reveal: (id) => accounts.vault.reveal(id),
      mint: async ({ account, namespace, duration }) => {
        const minted = await accounts.tokens.create({ account, namespace, duration, keep: useVault && accounts.keepTokens() });
        if (minted.kept) options.onKeptMint?.(minted.kept.id);
        return { token: minted.token, expiresAt: minted.expiresAt };
      },
    },
    preferences: () => options.settings.get().settings.preferences,
    openInApp: options.openInApp,
    openExternal: options.openExternal,
    copySecret: accounts.clipboard ? async (secret) => accounts.clipboard?.copy(secret) : undefined,
    notify: options.notify,
    onProgress: options.onProgress,
    forwardWaitMs: options.forwardWaitMs,
    now: options.now,
    text: options.text,
  });
}
