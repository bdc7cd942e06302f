// "After minting a token for an account in the window, open the dashboard as that account" (on by
// default). Minting happens in the accounts code; what the dashboard can see without reaching into it
// is a new entry in the vault. Tokens the dashboard minted itself are skipped, and so is everything
// that was already there when watching began.
import type { TokenVault } from '../accounts/vault/token-vault.ts';
import { formatAccountRef } from './account-ref.ts';

/** The vault is written before tokens.create() returns; wait until the minter has said it was its own. */
const SETTLE_MS = 500;

export interface OpenAfterMint {
  /** A kept token the dashboard minted itself: not a reason to open. */
  ownMint(id: string): void;
  dispose(): void;
}

export function openAfterMint(vault: Pick<TokenVault, 'list' | 'onChange'>, wanted: () => boolean, open: (account: string) => void, settleMs = SETTLE_MS): OpenAfterMint {
  const own = new Set<string>();
  let known: Set<string> | null = null;
  let disposed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const scan = async (): Promise<void> => {
    const list = await vault.list();
    if (disposed) return;
    const fresh = known === null ? [] : list.filter((t) => !known?.has(t.id) && !own.has(t.id));
    known = new Set(list.map((t) => t.id));
    if (!wanted()) return;
    for (const account of new Set(fresh.map((t) => formatAccountRef({ namespace: t.namespace, name: t.account })))) open(account);
  };
  void scan().catch(() => undefined);
  const unsubscribe = vault.onChange(() => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void scan().catch(() => undefined);
    }, settleMs);
    timers.add(timer);
  });
  return {
    ownMint: (id) => void own.add(id),
    dispose() {
      disposed = true;
      unsubscribe();
      for (const t of timers) clearTimeout(t);
    },
  };
}
