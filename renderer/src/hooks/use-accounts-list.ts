import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { api } from '../api/index.ts';

export type AccountsList = ChannelOutput<'accounts:list'>['accounts'];
export type AccountsListState = { status: 'loading' } | { status: 'ready'; accounts: AccountsList } | { status: 'error'; error: unknown };

/** The hub's ServiceAccounts, read once; the hub is only reachable while Karpor is forwarded. */
export function useAccountsList(): AccountsListState {
  const [state, setState] = useState<AccountsListState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    api.accounts.list().then(
      ({ accounts }) => current && setState({ status: 'ready', accounts }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
