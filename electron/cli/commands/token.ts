// `karpor-desktop token create ACCOUNT [--duration D]`: only the token on stdout (so it pipes), the rest on stderr.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { addHubOptions, hubScope, type HubOptions } from './hub-kubeconfig.ts';
import { accountNamespaceOption } from './account.ts';

export function registerToken(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('tokens for hub accounts (TokenRequest)');
  addHubOptions(
    token
      .command('create <account>')
      .description('mint a token for an account; prints only the token on stdout')
      .option('--duration <duration>', 'lifetime like kubectl: 90m, 8h, 720h30m, 7d (at least 10m; the hub may shorten it)', '1h')
      .addOption(accountNamespaceOption()),
  ).action(async (account: string, options: HubOptions & { duration: string; namespace: string }) => {
    const { accounts: s } = await hubScope(ctx, options);
    // The CLI has no safeStorage, so it never keeps tokens: the caller holds the one it printed.
    const t = await s.tokens.create({ account, namespace: options.namespace, duration: options.duration, keep: false });
    ctx.io.out(`${t.token}\n`);
    ctx.io.err(`token for ${t.namespace}/${t.account}${t.role ? ` (role ${t.role})` : ''}, expires ${t.expiresAt}\n`);
    if (t.notice) ctx.io.err(`note: ${t.notice}\n`);
  });
}
