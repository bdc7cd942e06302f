// `karpor-desktop forward`: the persistent port-forward engine in the foreground, one line per state
// change, until Ctrl-C (then everything is closed and the exit code is 0).
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { AppError } from '../../ipc/app-error.ts';
import { createForwardService } from '../../forward/forward-service.ts';
import { describeForwardState, forwardTargetSchema } from '../../forward/forward-state.ts';
import type { ForwardState } from '../../forward/forward-state.ts';

interface ForwardOptions {
  kubeconfig?: string;
  context?: string;
  namespace: string;
  service: string;
  port: number;
  localPort: number;
}

function portArg(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new InvalidArgumentError(`${name} must be a port number 1-65535, got "${value}"`);
    return n;
  };
}

function untilInterrupted(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = done('SIGINT');
    const onTerm = done('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/** Errors that nothing but the user can fix: the CLI exits on them instead of waiting forever. */
const FATAL_AT_START = new Set(['KUBECONFIG_INVALID', 'PORT_IN_USE', 'PORT_NOT_PERMITTED']);

export function registerForward(program: Command, ctx: CliContext): void {
  program
    .command('forward')
    .description('keep a port-forward to the karpor-server Service up (follows pods, reconnects) until Ctrl-C')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config)')
    .option('--context <name>', "kubeconfig context (default: the kubeconfig's current context)")
    .option('--namespace <ns>', 'namespace of the Service', 'karpor')
    .option('--service <name>', 'Service to forward to', 'karpor-server')
    .option('--port <port>', 'Service port', portArg('--port'), 7443)
    .option('--local-port <port>', 'local port on 127.0.0.1', portArg('--local-port'), 7443)
    .action(async (options: ForwardOptions) => {
      const kubeconfigPath = options.kubeconfig ?? null;
      const context = options.context ?? ctx.kube().listContexts(kubeconfigPath).currentContext;
      if (!context) throw new AppError('KUBECONFIG_INVALID', 'The kubeconfig has no current context.', { hint: 'Pass --context NAME (see "karpor-desktop contexts").' });
      const parsed = forwardTargetSchema.safeParse({
        kubeconfigPath,
        context,
        namespace: options.namespace,
        service: options.service,
        servicePort: options.port,
        localPort: options.localPort,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('BAD_REQUEST', `Invalid --${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid value'}`);
      }
      const forward = createForwardService({ loadKubeConfig: (file, name) => ctx.kube().kubeConfigFor(file, name) });
      const print = (s: ForwardState) => {
        ctx.io.out(`${new Date().toISOString()} ${describeForwardState(s)}\n`);
        if (s.status === 'error') ctx.io.out(`  hint: ${s.hint}\n`);
      };
      forward.onState(print);
      const interrupted = untilInterrupted();
      const started = await forward.start(parsed.data);
      if (started.status === 'error' && FATAL_AT_START.has(started.code)) {
        await forward.stop();
        throw new AppError(started.code === 'KUBECONFIG_INVALID' ? 'KUBECONFIG_INVALID' : 'PORT_IN_USE', started.message, {
          hint: started.suggestedPort === undefined ? started.hint : `${started.hint} (--local-port ${started.suggestedPort})`,
        });
      }
      await interrupted;
      await forward.stop();
    });
}
