// Accounts in the Karpor hub: a ServiceAccount plus the binding Karpor's guide creates for it
// (`kubectl create clusterrolebinding NAME --clusterrole=ROLE --serviceaccount=NS:NAME`), so accounts made
// here and by hand look the same both ways.
import type { V1ClusterRoleBinding, V1RoleBinding, V1ServiceAccount } from '@kubernetes/client-node';
import { checkAccountName, checkNamespaceName } from './account-name.ts';
import { orderRoles } from './role-order.ts';
import { apiStatus, toAppError } from './hub-errors.ts';
import { fail } from './errors.ts';
import type { HubConnection, HubSession } from './hub-connection.ts';

export interface AccountRole {
  role: string;
  binding: string;
  /** null for a ClusterRoleBinding; the namespace of a RoleBinding that grants a ClusterRole there. */
  bindingNamespace: string | null;
}
export interface Account {
  name: string;
  namespace: string;
  createdAt: string | null;
  roles: AccountRole[];
}
export interface CreateAccountInput {
  name: string;
  namespace?: string;
  role: string;
}
export interface CreateAccountResult {
  account: Account;
  /** false when an account with this name and role existed and was reused. */
  created: boolean;
}
export interface DeleteAccountResult {
  deletedBindings: string[];
  /** Bindings that also name other subjects: left alone, they no longer grant anything to the deleted account. */
  keptBindings: string[];
}

const HUB = 'the Karpor hub';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

type AnyBinding = V1ClusterRoleBinding | V1RoleBinding;

function bindsAccount(b: AnyBinding, name: string, namespace: string): boolean {
  return (b.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? b.metadata?.namespace) === namespace);
}

function describeSubjects(b: AnyBinding): string {
  return (b.subjects ?? []).map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`).join(', ') || 'no subjects';
}

async function loadBindings(hub: HubSession): Promise<{ crbs: V1ClusterRoleBinding[]; rbs: V1RoleBinding[] }> {
  try {
    const [crbs, rbs] = await Promise.all([hub.rbac.listClusterRoleBinding(), hub.rbac.listRoleBindingForAllNamespaces()]);
    return { crbs: crbs.items, rbs: rbs.items };
  } catch (err) {
    throw toAppError(err, 'listing role bindings', HUB);
  }
}

function toAccount(sa: V1ServiceAccount, crbs: V1ClusterRoleBinding[], rbs: V1RoleBinding[]): Account {
  const name = sa.metadata?.name ?? '';
  const namespace = sa.metadata?.namespace ?? 'default';
  const roles: AccountRole[] = [
    ...crbs.filter((b) => b.roleRef.kind === 'ClusterRole' && bindsAccount(b, name, namespace)).map((b) => ({ role: b.roleRef.name, binding: b.metadata?.name ?? '', bindingNamespace: null })),
    ...rbs
      .filter((b) => b.roleRef.kind === 'ClusterRole' && bindsAccount(b, name, namespace))
      .map((b) => ({ role: b.roleRef.name, binding: b.metadata?.name ?? '', bindingNamespace: b.metadata?.namespace ?? null })),
  ];
  const created = sa.metadata?.creationTimestamp;
  return { name, namespace, createdAt: created ? new Date(created).toISOString() : null, roles };
}

function checkInputs(name: string, namespace: string): { name: string; namespace: string } {
  const n = checkAccountName(name);
  if (!n.ok) throw fail('BAD_REQUEST', `Invalid account name: ${n.reason}.`);
  const ns = checkNamespaceName(namespace);
  if (!ns.ok) throw fail('BAD_REQUEST', `Invalid namespace: ${ns.reason}.`);
  return { name: n.name, namespace: ns.name };
}

async function readAccount(hub: HubSession, name: string, namespace: string): Promise<V1ServiceAccount | null> {
  try {
    return await hub.core.readNamespacedServiceAccount({ name, namespace });
  } catch (err) {
    if (apiStatus(err) === 404) return null;
    throw toAppError(err, `reading ServiceAccount ${namespace}/${name}`, HUB);
  }
}

async function roleNames(hub: HubSession): Promise<string[]> {
  try {
    const list = await hub.rbac.listClusterRole();
    // system: roles are the API server's own plumbing, not something to give a dashboard user.
    return orderRoles(list.items.map((r) => r.metadata?.name ?? '').filter((n) => n !== '' && !n.startsWith('system:')));
  } catch (err) {
    throw toAppError(err, 'listing ClusterRoles', HUB);
  }
}

export interface AccountsService {
  list(): Promise<Account[]>;
  listRoles(): Promise<string[]>;
  get(name: string, namespace?: string): Promise<Account>;
  create(input: CreateAccountInput): Promise<CreateAccountResult>;
  delete(name: string, namespace?: string): Promise<DeleteAccountResult>;
}

export function createAccountsService(hubConnection: HubConnection): AccountsService {
  const withHub = hubConnection.withHub;

  async function getIn(hub: HubSession, name: string, namespace: string): Promise<Account> {
    const sa = await readAccount(hub, name, namespace);
    if (!sa) throw fail('NOT_FOUND', `There is no account "${name}" in namespace "${namespace}" of the hub.`, 'List accounts to see the names, or create it first.');
    const { crbs, rbs } = await loadBindings(hub);
    return toAccount(sa, crbs, rbs);
  }

  return {
    list: () =>
      withHub(async (hub) => {
        let items: V1ServiceAccount[];
        try {
          items = (await hub.core.listServiceAccountForAllNamespaces()).items;
        } catch (err) {
          throw toAppError(err, 'listing ServiceAccounts', HUB);
        }
        const { crbs, rbs } = await loadBindings(hub);
        return items.map((sa) => toAccount(sa, crbs, rbs)).sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
      }),

    listRoles: () => withHub(roleNames),

    get: (name, namespace = 'default') => {
      const checked = checkInputs(name, namespace);
      return withHub((hub) => getIn(hub, checked.name, checked.namespace));
    },

    create: (input) => {
      // Everything that can be checked without the hub is checked before the first call.
      const { name, namespace } = checkInputs(input.name, input.namespace ?? 'default');
      const role = input.role.trim();
      if (role === '') throw fail('BAD_REQUEST', 'Choose a role for the account (karpor-guest is the least privileged).');
      return withHub(async (hub) => {
        const roles = await roleNames(hub);
        if (!roles.includes(role)) {
          throw fail('BAD_REQUEST', `The hub has no ClusterRole "${role}".`, `Choose one of: ${roles.join(', ') || '(none)'}.`);
        }
        const existing = await readAccount(hub, name, namespace);
        let binding: V1ClusterRoleBinding | null = null;
        try {
          binding = await hub.rbac.readClusterRoleBinding({ name });
        } catch (err) {
          if (apiStatus(err) !== 404) throw toAppError(err, `reading ClusterRoleBinding ${name}`, HUB);
        }
        if (binding && !bindsAccount(binding, name, namespace)) {
          throw fail(
            'CONFLICT',
            `A ClusterRoleBinding named "${name}" already exists for ${describeSubjects(binding)}, not for ${namespace}/${name}.`,
            'Bindings are named after their account, so choose another account name. Nothing was created.',
          );
        }
        if (existing) {
          const { crbs, rbs } = await loadBindings(hub);
          const account = toAccount(existing, crbs, rbs);
          const current = account.roles.map((r) => r.role);
          if (current.includes(role)) return { account, created: false };
          if (current.length > 0) {
            throw fail(
              'CONFLICT',
              `Account ${namespace}/${name} already exists with role ${current.join(', ')}; it was not changed.`,
              `A binding's role cannot be changed in place. To give it "${role}", delete the account (its tokens stop working) and create it again.`,
            );
          }
        }
        let createdSa = false;
        if (!existing) {
          try {
            await hub.core.createNamespacedServiceAccount({ namespace, body: { metadata: { name, namespace } } });
            createdSa = true;
          } catch (err) {
            // 409: created meanwhile by someone else; use it.
            if (apiStatus(err) !== 409) throw toAppError(err, `creating ServiceAccount ${namespace}/${name}`, HUB);
          }
        }
        if (!binding) {
          try {
            await hub.rbac.createClusterRoleBinding({
              body: {
                metadata: { name },
                roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
                subjects: [{ kind: 'ServiceAccount', name, namespace }],
              },
            });
          } catch (err) {
            // No half-made accounts: remove the ServiceAccount we just created.
            if (createdSa) await hub.core.deleteNamespacedServiceAccount({ name, namespace }).catch(() => undefined);
            throw toAppError(err, `creating ClusterRoleBinding ${name} (the account was not created)`, HUB);
          }
        }
        return { account: await getIn(hub, name, namespace), created: createdSa || !binding };
      });
    },

    delete: (name, namespace = 'default') => {
      const checked = checkInputs(name, namespace);
      return withHub(async (hub) => {
        const sa = await readAccount(hub, checked.name, checked.namespace);
        if (!sa) throw fail('NOT_FOUND', `There is no account "${checked.name}" in namespace "${checked.namespace}" of the hub.`, 'Nothing was deleted.');
        const { crbs, rbs } = await loadBindings(hub);
        // The ServiceAccount goes first: its tokens stop working at that moment, whatever happens next.
        try {
          await hub.core.deleteNamespacedServiceAccount({ name: checked.name, namespace: checked.namespace });
        } catch (err) {
          if (apiStatus(err) !== 404) throw toAppError(err, `deleting ServiceAccount ${checked.namespace}/${checked.name}`, HUB);
        }
        const deletedBindings: string[] = [];
        const keptBindings: string[] = [];
        for (const b of [...crbs, ...rbs]) {
          if (!bindsAccount(b, checked.name, checked.namespace)) continue;
          const bName = b.metadata?.name ?? '';
          const bNs = b.metadata?.namespace;
          const label = bNs ? `${bNs}/${bName}` : bName;
          if ((b.subjects ?? []).length !== 1) {
            keptBindings.push(label);
            continue;
          }
          try {
            if (bNs) await hub.rbac.deleteNamespacedRoleBinding({ name: bName, namespace: bNs });
            else await hub.rbac.deleteClusterRoleBinding({ name: bName });
            deletedBindings.push(label);
          } catch (err) {
            if (apiStatus(err) !== 404) throw toAppError(err, `deleting binding ${label}`, HUB);
          }
        }
        return { deletedBindings, keptBindings };
      });
    },
  };
}
