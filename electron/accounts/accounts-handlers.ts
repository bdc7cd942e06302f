// IPC handlers of the hub, accounts and tokens domains.
import { join } from 'node:path';
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';
import { defaultRole } from './role-order.ts';
import { tokenKubeconfigYaml, writePrivateFile } from './export-kubeconfig.ts';
import { CLIPBOARD_CLEAR_MS } from './clipboard-guard.ts';
import { fail } from './errors.ts';

type AccountsChannels =
  | 'hub:status'
  | 'hub:import'
  | 'accounts:list'
  | 'accounts:roles'
  | 'accounts:create'
  | 'accounts:delete'
  | 'tokens:create'
  | 'tokens:list'
  | 'tokens:reveal'
  | 'tokens:copy'
  | 'tokens:forget'
  | 'tokens:renew'
  | 'tokens:exportKubeconfig';

export function accountsHandlers(services: Services): Pick<HandlerTable, AccountsChannels> {
  const s = services.accounts;
  return {
    'hub:status': () => s.hub.status(),
    'hub:import': ({ path }) => s.hub.importHubKubeconfig(path),
    'accounts:list': async () => ({ accounts: await s.accounts.list() }),
    'accounts:roles': async () => {
      const roles = await s.accounts.listRoles();
      return { roles, defaultRole: defaultRole(roles) };
    },
    'accounts:create': (input) => s.accounts.create(input),
    'accounts:delete': async ({ name, namespace }) => {
      const hubId = s.activeProfile().id;
      const result = await s.accounts.delete(name, namespace);
      // Its tokens died with it: keeping them would only offer dead tokens.
      const forgottenTokens = await s.vault.forgetAccount(hubId, namespace, name);
      return { ...result, forgottenTokens };
    },
    'tokens:create': (input) => s.tokens.create({ ...input, keep: input.keep ?? s.keepTokens() }),
    'tokens:list': async () => {
      const tokens = await s.vault.list();
      return { protection: await s.vault.protection(), keepTokens: s.keepTokens(), tokens, notice: s.vault.takeNotice() };
    },
    'tokens:reveal': async ({ id }) => ({ token: await s.vault.reveal(id) }),
    'tokens:copy': async ({ id }) => {
      if (!s.clipboard) throw fail('UNSUPPORTED', 'Copying to the system clipboard needs the desktop app.', 'Reveal the token and copy it yourself.');
      await s.clipboard.copy(await s.vault.reveal(id));
      return { clearsAfterSeconds: CLIPBOARD_CLEAR_MS / 1000 };
    },
    'tokens:forget': async ({ id }) => ({ forgotten: await s.vault.forget(id) }),
    'tokens:renew': async ({ id }) => {
      const { token: _token, ...renewed } = await s.tokens.renew(id);
      return renewed;
    },
    'tokens:exportKubeconfig': async ({ id, path }) => {
      const kept = await s.vault.get(id);
      const token = await s.vault.reveal(id);
      const server = await s.hub.withHub(async (hub) => hub.server);
      const target = path ?? join(s.exportDir, `karpor-${kept.namespace}-${kept.account}.kubeconfig`);
      await writePrivateFile(target, tokenKubeconfigYaml({ server, account: kept.account, namespace: kept.namespace, token }));
      return { path: target, server };
    },
  };
}
