// Tokens for hub accounts via TokenRequest. The server decides the lifetime (it may shorten a request to
// --service-account-max-token-expiration), so the expiry shown is always the one the server granted.
import { parseDuration, formatDuration } from './duration.ts';
import { checkAccountName, checkNamespaceName } from './account-name.ts';
import { apiStatus, toAppError } from './hub-errors.ts';
import { fail } from './errors.ts';
import type { HubConnection } from './hub-connection.ts';
import type { KeptToken, TokenVault } from './vault/token-vault.ts';

export interface MintInput {
  account: string;
  namespace?: string;
  /** kubectl-style, e.g. "8h", "720h30m", "7d". */
  duration: string;
}

export interface MintedToken {
  token: string;
  account: string;
  namespace: string;
  role: string | null;
  issuedAt: string;
  expiresAt: string;
  requestedSeconds: number;
  grantedSeconds: number;
  /** Set when the server granted less than asked: by how many seconds, and the explanation to show. */
  shortenedBySeconds: number | null;
  notice: string | null;
}

/** "8760h (365d)": kubectl users think in hours, everyone else in days. Seconds of clock jitter are noise. */
function hours(seconds: number): string {
  const rounded = seconds >= 3600 ? Math.round(seconds / 60) * 60 : seconds;
  return rounded >= 86_400 ? `${Math.round(rounded / 3600)}h (${formatDuration(rounded)})` : formatDuration(rounded);
}

// Clock skew and rounding between us and the server: smaller differences are not "shortening".
const SHORTENING_TOLERANCE_S = 60;

export interface TokensService {
  mint(input: MintInput): Promise<MintedToken>;
  /** Mint and, when wanted, keep it in the vault; the token is returned this once. */
  create(input: MintInput & { keep: boolean }): Promise<MintedToken & { kept: KeptToken | null }>;
  /** A new token for a kept one's account, asking for the same duration; replaces it in the vault. */
  renew(id: string): Promise<MintedToken & { kept: KeptToken }>;
}

export function createTokensService(deps: { hub: HubConnection; vault: TokenVault | null; now?: () => number }): TokensService {
  const now = deps.now ?? Date.now;

  async function mintSeconds(account: string, namespace: string, requestedSeconds: number, expectHubId?: string): Promise<MintedToken & { hubId: string }> {
    return deps.hub.withHub(async (hub) => {
      if (expectHubId !== undefined && expectHubId !== hub.hubId) {
        throw fail('CONFLICT', 'This token belongs to another Karpor hub than the active one.', 'Switch to its profile to renew it, or forget it.');
      }
      const issuedMs = now();
      let res;
      try {
        res = await hub.core.createNamespacedServiceAccountToken({
          name: account,
          namespace,
          body: { spec: { audiences: [], expirationSeconds: requestedSeconds } },
        });
      } catch (err) {
        if (apiStatus(err) === 404) {
          throw fail('NOT_FOUND', `There is no account "${account}" in namespace "${namespace}" of the hub.`, 'Create the account first; no token was issued.');
        }
        throw toAppError(err, `requesting a token for ${namespace}/${account}`, 'the Karpor hub');
      }
      const token = res.status?.token;
      const exp = res.status?.expirationTimestamp;
      if (!token || !exp) throw fail('UNAVAILABLE', 'The hub answered the TokenRequest without a token or expiry.');
      const expiresMs = new Date(exp).getTime();
      const grantedSeconds = Math.round((expiresMs - issuedMs) / 1000);
      const short = requestedSeconds - grantedSeconds;
      const shortened = short > SHORTENING_TOLERANCE_S ? short : null;
      let role: string | null = null;
      try {
        const crbs = await hub.rbac.listClusterRoleBinding();
        role =
          crbs.items.find((b) => b.roleRef.kind === 'ClusterRole' && (b.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === account && s.namespace === namespace))?.roleRef
            .name ?? null;
      } catch {
        // the role is a label for the vault; the token is valid without it
      }
      return {
        hubId: hub.hubId,
        token,
        account,
        namespace,
        role,
        issuedAt: new Date(issuedMs).toISOString(),
        expiresAt: new Date(expiresMs).toISOString(),
        requestedSeconds,
        grantedSeconds,
        shortenedBySeconds: shortened,
        notice:
          shortened === null
            ? null
            : `The hub granted ${hours(grantedSeconds)} instead of ${hours(requestedSeconds)} (shortened by ${hours(shortened)}): ` +
              'its --service-account-max-token-expiration caps token lifetimes.',
      };
    });
  }

  async function mint(input: MintInput): Promise<MintedToken & { hubId: string }> {
    const d = parseDuration(input.duration);
    if (!d.ok) throw fail('BAD_REQUEST', `Invalid duration: ${d.reason}.`);
    const a = checkAccountName(input.account);
    if (!a.ok) throw fail('BAD_REQUEST', `Invalid account name: ${a.reason}.`);
    const ns = checkNamespaceName(input.namespace ?? 'default');
    if (!ns.ok) throw fail('BAD_REQUEST', `Invalid namespace: ${ns.reason}.`);
    return mintSeconds(a.name, ns.name, d.seconds);
  }

  const publicPart = ({ hubId: _hubId, ...rest }: MintedToken & { hubId: string }): MintedToken => rest;
  // What the vault keeps of a minted token (the hub it belongs to is added by `create` only: a renewal stays on its hub).
  const vaultRecord = (m: MintedToken) => ({
    account: m.account,
    namespace: m.namespace,
    role: m.role,
    issuedAt: m.issuedAt,
    expiresAt: m.expiresAt,
    requestedSeconds: m.requestedSeconds,
    token: m.token,
  });

  return {
    mint: async (input) => publicPart(await mint(input)),
    async create(input) {
      const minted = await mint(input);
      const kept =
        input.keep && deps.vault
          ? await deps.vault.add({ hubId: minted.hubId, ...vaultRecord(minted) })
          : null;
      return { ...publicPart(minted), kept };
    },
    async renew(id) {
      const vault = deps.vault;
      if (!vault) throw fail('UNSUPPORTED', 'No token vault here; mint a new token instead.');
      const old = await vault.get(id);
      const minted = await mintSeconds(old.account, old.namespace, old.requestedSeconds, old.hubId);
      const kept = await vault.replace(id, vaultRecord(minted));
      return { ...publicPart(minted), kept };
    },
  };
}
