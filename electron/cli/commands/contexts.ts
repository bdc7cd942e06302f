// `karpor-desktop contexts`: the contexts of the kubeconfig kubectl would use.
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { formatTable } from '../format-table.ts';

export function registerContexts(program: Command, ctx: CliContext): void {
  program
    .command('contexts')
    .description('list the contexts of the kubeconfig kubectl would use (--kubeconfig, else KUBECONFIG, else ~/.kube/config)')
    .option('--kubeconfig <file>', 'read this kubeconfig file instead')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: { kubeconfig?: string; output: 'table' | 'json' }) => {
      const result = ctx.kube().listContexts(options.kubeconfig ?? null);
      if (options.output === 'json') {
        ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rows = result.contexts.map((c) => [c.name === result.currentContext ? '*' : '', c.name, c.cluster, c.user, c.namespace ?? '', c.server ?? '']);
      ctx.io.out(formatTable(['CURRENT', 'NAME', 'CLUSTER', 'USER', 'NAMESPACE', 'SERVER'], rows));
    });
}
