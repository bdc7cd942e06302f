// Feeds the desktop notifier (desktop/notification-policy.ts) with the kept tokens' lifetimes, now and after
// every vault change, so it can warn before one expires. Only metadata crosses: never the token.
import type { TokenVault } from './vault/token-vault.ts';

export interface KeptTokenTimes {
  id: string;
  account: string;
  issuedAt: string;
  expiresAt: string;
}

export function followKeptTokens(vault: Pick<TokenVault, 'list' | 'onChange'>, onTokens: (tokens: KeptTokenTimes[]) => void, onError: (err: unknown) => void = () => undefined): () => void {
  let latest = 0;
  const push = (): void => {
    const ticket = ++latest;
    vault.list().then(
      // A slow read must not overwrite a newer one.
      (list) => ticket === latest && onTokens(list.map(({ id, namespace, account, issuedAt, expiresAt }) => ({ id, account: `${namespace}/${account}`, issuedAt, expiresAt }))),
      onError,
    );
  };
  push();
  return vault.onChange(push);
}
