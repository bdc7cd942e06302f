import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/ipc/contract.ts';
import { api } from '../api/index.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export type KubeContexts = ChannelOutput<'kube:contexts'>;
export type KubeContextsState =
  | { status: 'loading' }
  | { status: 'ready'; path: string; result: KubeContexts }
  | { status: 'error'; path: string; error: unknown };

/** Contexts of the kubeconfig at `path` ('' = what kubectl would read), re-read when the typed path settles. */
export function useKubeContexts(path: string, delayMs = 400): KubeContextsState {
  const settled = useDebouncedValue(path.trim(), delayMs);
  const [state, setState] = useState<KubeContextsState>({ status: 'loading' });
  useEffect(() => {
    // A slow answer for an older path must not overwrite the answer for the current one.
    let current = true;
    setState({ status: 'loading' });
    api.kube
      .contexts(settled === '' ? {} : { kubeconfigPath: settled })
      .then((result) => current && setState({ status: 'ready', path: settled, result }))
      .catch((error: unknown) => current && setState({ status: 'error', path: settled, error }));
    return () => {
      current = false;
    };
  }, [settled]);
  return state;
}
