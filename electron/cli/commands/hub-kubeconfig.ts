// `karpor-desktop hub-kubeconfig [--out FILE]`: the hub kubeconfig of the active profile (from ConfigMap
// karpor-kubeconfig), pointed at the profile's local forward, as the guide's manual edit makes it.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import type { AccountsServices } from '../../accounts/accounts-services.ts';
import { hubKubeconfigYaml, writePrivateFile } from '../../accounts/export-kubeconfig.ts';

export const HUB_KUBECONFIG_OPTION = ['--hub-kubeconfig <file>', 'use this hub kubeconfig instead of reading ConfigMap karpor-kubeconfig (e.g. one an admin exported)'] as const;

/** The accounts services, switched to an imported hub kubeconfig when the user gave one. */
export async function hubServices(ctx: CliContext, hubKubeconfig: string | undefined): Promise<AccountsServices> {
  const accounts = ctx.services().accounts;
  if (hubKubeconfig) await accounts.hub.importHubKubeconfig(hubKubeconfig);
  return accounts;
}

export function registerHubKubeconfig(program: Command, ctx: CliContext): void {
  program
    .command('hub-kubeconfig')
    .description('print the Karpor hub kubeconfig (admin credentials!) pointed at the local forward https://127.0.0.1:<local port>')
    .option('--out <file>', 'write it to this file (mode 0600) instead of stdout')
    .action(async (options: { out?: string }) => {
      const accounts = ctx.services().accounts;
      const profile = accounts.activeProfile();
      const { creds, viaForward } = await accounts.hub.credentials();
      const server = viaForward ? `https://127.0.0.1:${profile.localPort}` : creds.server;
      const yaml = hubKubeconfigYaml(creds, server);
      if (options.out) {
        await writePrivateFile(options.out, yaml);
        ctx.io.err(`wrote ${options.out} (mode 0600)\n`);
      } else {
        ctx.io.out(yaml);
      }
      if (viaForward) ctx.io.err(`note: ${server} is the profile's forward; keep the app (or "karpor-desktop forward") running to use it.\n`);
      ctx.io.err('note: this kubeconfig is a superuser of the hub; keep it private.\n');
    });
}
