// `karpor-desktop account list|create|delete`: hub accounts (ServiceAccount + ClusterRoleBinding), as in
// Karpor's "How to create token" guide.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { formatTable } from '../format-table.ts';
import { addHubOptions, hubScope, type HubOptions } from './hub-kubeconfig.ts';
import { checkNamespaceName } from '../../accounts/account-name.ts';

/** `--namespace`: the ServiceAccount's namespace in the hub (Karpor's own namespace is --karpor-namespace). */
export function accountNamespaceOption(): Option {
  return new Option('--namespace <namespace>', 'namespace of the account (ServiceAccount) in the hub')
    .default('default')
    .argParser((value: string) => {
      const check = checkNamespaceName(value);
      if (!check.ok) throw new InvalidArgumentError(`${check.reason}.`);
      return check.name;
    });
}

export function registerAccount(program: Command, ctx: CliContext): void {
  const account = program.command('account').description('hub accounts (ServiceAccounts bound to Karpor ClusterRoles)');

  addHubOptions(
    account
      .command('list')
      .description('list hub accounts with their roles')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table')),
  ).action(async (options: HubOptions & { output: 'table' | 'json' }) => {
    const accounts = await (await hubScope(ctx, options)).accounts.accounts.list();
    if (options.output === 'json') {
      ctx.io.out(`${JSON.stringify(accounts, null, 2)}\n`);
      return;
    }
    const rows = accounts.map((a) => [a.namespace, a.name, a.roles.map((r) => r.role).join(',') || '<none>', a.createdAt ?? '']);
    ctx.io.out(formatTable(['NAMESPACE', 'NAME', 'ROLES', 'CREATED'], rows));
  });

  addHubOptions(
    account
      .command('create <name>')
      .description('create an account bound to a ClusterRole (binding named after the account, as the guide does)')
      .requiredOption('--role <role>', 'ClusterRole to bind, e.g. karpor-guest (read-only) or karpor-admin')
      .addOption(accountNamespaceOption()),
  ).action(async (name: string, options: HubOptions & { role: string; namespace: string }) => {
    const { accounts } = await hubScope(ctx, options);
    const { account: a, created } = await accounts.accounts.create({ name, namespace: options.namespace, role: options.role });
    const roles = a.roles.map((r) => r.role).join(', ');
    ctx.io.out(created ? `created account ${a.namespace}/${a.name} with role ${roles}\n` : `account ${a.namespace}/${a.name} already exists with role ${roles}; reused\n`);
  });

  addHubOptions(
    account
      .command('delete <name>')
      .description('delete an account and its bindings; its tokens stop working at once')
      .addOption(accountNamespaceOption()),
  ).action(async (name: string, options: HubOptions & { namespace: string }) => {
    const { accounts: s } = await hubScope(ctx, options);
    const hubId = s.activeProfile().id;
    const res = await s.accounts.delete(name, options.namespace);
    const forgotten = await s.vault.forgetAccount(hubId, options.namespace, name);
    ctx.io.out(`deleted account ${options.namespace}/${name}; its tokens no longer work\n`);
    if (res.deletedBindings.length) ctx.io.err(`deleted bindings: ${res.deletedBindings.join(', ')}\n`);
    if (res.keptBindings.length) ctx.io.err(`left bindings that also name other subjects: ${res.keptBindings.join(', ')}\n`);
    if (forgotten) ctx.io.err(`forgot ${forgotten} kept token(s)\n`);
  });
}
