// "Open the dashboard as <account>": a ready forward, the right token (reused or minted), then the
// in-app window or the system browser. Everything it touches comes in as a port, so the app, the
// dev bridge and the CLI share this code and tests pass real services against the sandbox.
import { AppError } from '../ipc/app-error.ts';
import type { Preferences } from '../store/settings-schema.ts';
import { formatAccountRef, parseAccountRef, type AccountRef } from './account-ref.ts';
import { waitForReadyForward, type ForwardPort } from './forward-wait.ts';
import { dashboardUrl } from './navigation-rule.ts';
import { chooseToken, type KeptTokenInfo } from './token-choice.ts';
import { parseDuration } from '../accounts/duration.ts';
import { dashboardText, type DashboardText } from './dashboard-text.ts';

export type DashboardTarget = 'app' | 'browser';
export type DashboardPreferences = Pick<Preferences, 'dashboardDefaultAccount' | 'dashboardTokenDuration' | 'dashboardOpenIn' | 'dashboardAutoOpenAfterMint' | 'dashboardOpenWhenReady'>;

export interface DashboardHubPort {
  /** The vault's hub id for the active profile. */
  hubId(): string;
  rbacEnabled(): Promise<boolean>;
}

export interface DashboardTokensPort {
  /** Metadata of kept tokens (never the tokens). */
  kept(): Promise<KeptTokenInfo[]>;
  reveal(id: string): Promise<string>;
  /** Mint (and keep, when the user keeps tokens) a token for the account. */
  mint(input: { account: string; namespace: string; duration: string }): Promise<{ token: string; expiresAt: string }>;
}

/** What the in-app window needs; the token goes to the window's preload, never into the URL. */
export interface DashboardWindowRequest {
  account: AccountRef | null;
  url: string;
  localPort: number;
  token: string | null;
}

export interface DashboardServiceDeps {
  forward: ForwardPort;
  hub: DashboardHubPort;
  tokens: DashboardTokensPort;
  preferences(): DashboardPreferences;
  now?: () => number;
  /** The in-app window (absent in the CLI and the dev bridge). */
  openInApp?: (request: DashboardWindowRequest) => void;
  openExternal(url: string): Promise<void>;
  /** Copy a secret to the clipboard and clear it after 60 s unless the user copied something else. */
  copySecret?: (secret: string) => Promise<void>;
  notify?: (title: string, body: string) => void;
  onProgress?: (message: string) => void;
  forwardWaitMs?: number;
  /** Words in the user's language (default English). */
  text?: () => Pick<DashboardText, 'tokenCopiedTitle' | 'tokenCopied'>;
}

export interface DashboardOpenInput {
  /** "name" or "namespace/name"; default: the preference. */
  account?: string;
  target?: DashboardTarget;
  /** Where to land, e.g. "/insight" (always a path on the dashboard origin). */
  path?: string;
  /** Mint even if a kept token looks valid (after the dashboard refused it). */
  forceMint?: boolean;
}

export type TokenSource = 'reused' | 'minted' | 'none';

export interface PreparedDashboard {
  url: string;
  localPort: number;
  account: AccountRef | null;
  token: string | null;
  tokenSource: TokenSource;
  expiresAt: string | null;
}

/** What open() reports: everything but the token. */
export interface DashboardOpened {
  url: string;
  account: string | null;
  target: DashboardTarget;
  token: TokenSource;
  expiresAt: string | null;
}

export interface DashboardService {
  prepare(input?: DashboardOpenInput): Promise<PreparedDashboard>;
  open(input?: DashboardOpenInput): Promise<DashboardOpened>;
  /** Called after the user minted a token in the window: open the dashboard as that account if the setting says so. */
  afterMint(minted: { account: string; namespace: string; token: string; expiresAt: string }): Promise<DashboardOpened | null>;
}

export function createDashboardService(deps: DashboardServiceDeps): DashboardService {
  const now = deps.now ?? Date.now;
  const text = deps.text ?? (() => dashboardText());

  async function resolveToken(account: AccountRef, forceMint: boolean): Promise<{ token: string; source: TokenSource; expiresAt: string }> {
    const prefs = deps.preferences();
    const parsed = parseDuration(prefs.dashboardTokenDuration);
    const durationSeconds = parsed.ok ? parsed.seconds : Number.NaN;
    const kept = forceMint ? [] : await deps.tokens.kept();
    const choice = chooseToken({ rbacEnabled: true, hubId: deps.hub.hubId(), namespace: account.namespace, account: account.name, kept, nowMs: now(), durationSeconds });
    if (choice.kind === 'reuse') {
      try {
        return { token: await deps.tokens.reveal(choice.id), source: 'reused', expiresAt: choice.expiresAt };
      } catch {
        // Undecryptable or forgotten meanwhile: a fresh token serves the user better than an error.
      }
    }
    const seconds = choice.kind === 'mint' ? choice.seconds : durationSeconds;
    deps.onProgress?.(`Minting a token for ${formatAccountRef(account)}…`);
    const minted = await deps.tokens.mint({ account: account.name, namespace: account.namespace, duration: `${seconds}s` });
    return { token: minted.token, source: 'minted', expiresAt: minted.expiresAt };
  }

  async function prepare(input: DashboardOpenInput = {}): Promise<PreparedDashboard> {
    const ready = await waitForReadyForward(deps.forward, { timeoutMs: deps.forwardWaitMs, onProgress: deps.onProgress });
    const url = dashboardUrl(ready.localPort, input.path);
    const rbac = await deps.hub.rbacEnabled();
    if (!rbac) return { url, localPort: ready.localPort, account: null, token: null, tokenSource: 'none', expiresAt: null };
    const wanted = input.account ?? deps.preferences().dashboardDefaultAccount;
    if (!wanted) {
      throw new AppError('BAD_REQUEST', 'Which account should the dashboard open as? No default account is set.', {
        hint: 'Use "Open dashboard as…" and pick an account, or set the default account in Settings.',
      });
    }
    const account = parseAccountRef(wanted);
    const token = await resolveToken(account, input.forceMint ?? false);
    return { url, localPort: ready.localPort, account, token: token.token, tokenSource: token.source, expiresAt: token.expiresAt };
  }

  async function show(prepared: PreparedDashboard, requested: DashboardTarget | undefined): Promise<DashboardOpened> {
    const target: DashboardTarget = deps.openInApp ? (requested ?? deps.preferences().dashboardOpenIn) : 'browser';
    if (target === 'app' && deps.openInApp) {
      deps.openInApp({ account: prepared.account, url: prepared.url, localPort: prepared.localPort, token: prepared.token });
    } else {
      await deps.openExternal(prepared.url);
      if (prepared.token && deps.copySecret) {
        await deps.copySecret(prepared.token);
        const words = text();
        deps.notify?.(words.tokenCopiedTitle, words.tokenCopied(prepared.account ? formatAccountRef(prepared.account) : null));
      }
    }
    return {
      url: prepared.url,
      account: prepared.account ? formatAccountRef(prepared.account) : null,
      target,
      token: prepared.tokenSource,
      expiresAt: prepared.expiresAt,
    };
  }

  return {
    prepare,
    async open(input = {}) {
      return show(await prepare(input), input.target);
    },
    async afterMint(minted) {
      if (!deps.preferences().dashboardAutoOpenAfterMint) return null;
      const ready = await waitForReadyForward(deps.forward, { timeoutMs: deps.forwardWaitMs, onProgress: deps.onProgress });
      const account = parseAccountRef(`${minted.namespace}/${minted.account}`);
      const prepared: PreparedDashboard = { url: dashboardUrl(ready.localPort), localPort: ready.localPort, account, token: minted.token, tokenSource: 'minted', expiresAt: minted.expiresAt };
      return show(prepared, undefined);
    },
  };
}
