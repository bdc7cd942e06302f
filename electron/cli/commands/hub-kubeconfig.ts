// `karpor-desktop hub-kubeconfig [--out FILE]`: the hub kubeconfig of the target cluster (from ConfigMap
// karpor-kubeconfig), pointed at the target's local forward, as the guide's manual edit makes it.
import type { Command } from 'commander';
import type { CliContext, HubScope } from '../cli-context.ts';
import { addTargetOptions, describeTarget, pickTargetFlags, type ResolvedTarget, type TargetFlags } from '../cli-target.ts';
import { hubKubeconfigYaml, writePrivateFile } from '../../accounts/export-kubeconfig.ts';

export const HUB_KUBECONFIG_OPTION = ['--hub-kubeconfig <file>', 'use this hub kubeconfig instead of reading ConfigMap karpor-kubeconfig (e.g. one an admin exported)'] as const;

export interface HubOptions extends TargetFlags {
  hubKubeconfig?: string;
}

/** The target flags plus --hub-kubeconfig, as every command that talks to the hub takes them. */
export function addHubOptions(command: Command, set: { localPort?: boolean } = {}): Command {
  return addTargetOptions(command, { service: true, localPort: set.localPort }).option(...HUB_KUBECONFIG_OPTION);
}

/**
 * The accounts services for the command's target, switched to an imported hub kubeconfig when the user
 * gave one. A fallback target is named on stderr, so the user sees which cluster was used.
 */
export async function hubScope(ctx: CliContext, options: HubOptions): Promise<HubScope & { target: ResolvedTarget }> {
  const target = ctx.target(pickTargetFlags(options));
  if (target.source !== 'flags') ctx.io.err(`${describeTarget(target)}\n`);
  const scope = ctx.hub(target);
  if (options.hubKubeconfig) await scope.accounts.hub.importHubKubeconfig(options.hubKubeconfig);
  return { ...scope, target };
}

export function registerHubKubeconfig(program: Command, ctx: CliContext): void {
  addHubOptions(
    program
      .command('hub-kubeconfig')
      .description('print the Karpor hub kubeconfig (admin credentials!) pointed at the local forward https://127.0.0.1:<local port>')
      .option('--out <file>', 'write it to this file (mode 0600) instead of stdout'),
    { localPort: true },
  ).action(async (options: HubOptions & { out?: string }) => {
    const { accounts, target } = await hubScope(ctx, options);
    const { creds, viaForward } = await accounts.hub.credentials();
    const server = viaForward ? `https://127.0.0.1:${target.profile.localPort}` : creds.server;
    const yaml = hubKubeconfigYaml(creds, server);
    if (options.out) {
      await writePrivateFile(options.out, yaml);
      ctx.io.err(`wrote ${options.out} (mode 0600)\n`);
    } else {
      ctx.io.out(yaml);
    }
    if (viaForward) ctx.io.err(`note: ${server} is the local end of the forward; keep the app (or "karpor-desktop forward") running to use it.\n`);
    ctx.io.err('note: this kubeconfig is a superuser of the hub; keep it private.\n');
  });
}
