// "Which account" as users type it: "name" (namespace "default", as Karpor's guide creates them) or
// "namespace/name".
import { checkAccountName, checkNamespaceName } from '../accounts/account-name.ts';
import { fail } from '../accounts/errors.ts';

export interface AccountRef {
  namespace: string;
  name: string;
}

export const DEFAULT_ACCOUNT_NAMESPACE = 'default';

export function parseAccountRef(text: string): AccountRef {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const namespace = slash === -1 ? DEFAULT_ACCOUNT_NAMESPACE : trimmed.slice(0, slash);
  const name = slash === -1 ? trimmed : trimmed.slice(slash + 1);
  const ns = checkNamespaceName(namespace);
  if (!ns.ok) throw fail('BAD_REQUEST', `"${trimmed}" does not name an account: ${ns.reason}.`, 'Write the account as NAME or NAMESPACE/NAME, e.g. karpor-admin or default/karpor-admin.');
  const acc = checkAccountName(name);
  if (!acc.ok) throw fail('BAD_REQUEST', `"${trimmed}" does not name an account: ${acc.reason}.`, 'Write the account as NAME or NAMESPACE/NAME, e.g. karpor-admin or default/karpor-admin.');
  return { namespace: ns.name, name: acc.name };
}

/** How the account is shown and written back: the namespace only when it is not the default one. */
export function formatAccountRef(ref: AccountRef): string {
  return ref.namespace === DEFAULT_ACCOUNT_NAMESPACE ? ref.name : `${ref.namespace}/${ref.name}`;
}

/**
 * The window's storage partition: one per account, so admin and guest windows never share the
 * dashboard's localStorage. Namespaces cannot contain ".", so "namespace.name" is unambiguous.
 */
export function dashboardPartition(ref: AccountRef | null): string {
  return ref ? `persist:karpor-dashboard-${ref.namespace}.${ref.name}` : 'persist:karpor-dashboard';
}
