// `karpor-desktop forward`: the persistent port-forward engine in the foreground, one line per state
// change, until Ctrl-C (then everything is closed and the exit code is 0).
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { addTargetOptions, describeTarget, pickTargetFlags, type TargetFlags } from '../cli-target.ts';
import { AppError } from '../../ipc/app-error.ts';
import { createForwardService } from '../../forward/forward-service.ts';
import { describeForwardState } from '../../forward/forward-state.ts';
import type { ForwardState } from '../../forward/forward-state.ts';

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
  addTargetOptions(
    program
      .command('forward')
      .description('keep a port-forward to the karpor-server Service up (follows pods, reconnects) until Ctrl-C'),
    { service: true, localPort: true },
  ).action(async (options: TargetFlags) => {
    const target = ctx.target(pickTargetFlags(options));
    if (target.source !== 'flags') ctx.io.err(`${describeTarget(target)}\n`);
    const { kubeconfigPath, context, namespace, service, servicePort, localPort } = target.profile;
    const forward = createForwardService({ loadKubeConfig: (file, name) => ctx.kube().kubeConfigFor(file, name) });
    const print = (s: ForwardState) => {
      ctx.io.out(`${new Date().toISOString()} ${describeForwardState(s)}\n`);
      if (s.status === 'error') ctx.io.out(`  hint: ${s.hint}\n`);
    };
    forward.onState(print);
    const interrupted = untilInterrupted();
    const started = await forward.start({ kubeconfigPath, context, namespace, service, servicePort, localPort });
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
