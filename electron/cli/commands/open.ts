// `karpor-desktop open [--account NAME] [--print]`: the dashboard in the system browser with the token on
// the clipboard, or (--print) the URL and the token on stdout and nothing else there. The browser needs
// a forward on the profile's local port: the app's when it is running, else one this command keeps
// open until Ctrl-C.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { addHubOptions, hubScope, type HubOptions } from './hub-kubeconfig.ts';
import { createForwardService } from '../../forward/forward-service.ts';
import type { ForwardState } from '../../forward/forward-state.ts';
import { readRbacEnabled } from '../../accounts/server-configs.ts';
import { createClipboardGuard, type ClipboardGuard } from '../../accounts/clipboard-guard.ts';
import { AppError } from '../../ipc/app-error.ts';
import { formatAccountRef } from '../../dashboard/account-ref.ts';
import { serviceForwardPort, wireDashboardService } from '../../dashboard/dashboard-wiring.ts';
import { openInSystemBrowser, systemClipboard } from '../../dashboard/system-desktop.ts';
import type { ForwardPort } from '../../dashboard/forward-wait.ts';

const CLIPBOARD_MS = 60_000;

/** A forward someone else runs (the app): always ready from here, never started or stopped. */
function existingForward(localPort: number): ForwardPort {
  const state: ForwardState = { status: 'ready', localPort, pod: 'forward of the running app', since: new Date().toISOString(), hubCertFingerprint256: '' };
  return { state: () => state, onState: () => () => undefined, start: async () => undefined };
}

async function karporAnswersOn(localPort: number): Promise<boolean> {
  try {
    await readRbacEnabled(`https://127.0.0.1:${localPort}`);
    return true;
  } catch {
    return false;
  }
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export function registerOpen(program: Command, ctx: CliContext): void {
  addHubOptions(
    program
      .command('open')
      .description('open the Karpor dashboard in the system browser with a token for an account on the clipboard')
      .option('--account <name>', 'account as NAME or NAMESPACE/NAME (default: the default account setting)')
      .option('--print', 'print the URL and then the token on stdout instead of opening a browser'),
    { localPort: true },
  ).action(async (options: HubOptions & { account?: string; print?: boolean }) => {
    const { accounts, settings, target } = await hubScope(ctx, options);
    const profile = target.profile;
    const { out, err } = ctx.io;
    const shared = await karporAnswersOn(profile.localPort);
    const own = shared
      ? null
      : createForwardService({ loadKubeConfig: (file, context) => ctx.kube().kubeConfigFor(file, context) });
    let guard: ClipboardGuard | null = null;
    try {
      const dashboard = wireDashboardService({
        forward: own ? serviceForwardPort(own, () => profile) : existingForward(profile.localPort),
        accounts,
        settings,
        openExternal: openInSystemBrowser,
        onProgress: (message) => err(`${message}\n`),
        useVault: false,
      });
      const prepared = await dashboard.prepare(options.account === undefined ? {} : { account: options.account }).catch((e: unknown) => {
        // The service's hint names the app's menu; here the way out is a flag.
        if (e instanceof AppError && e.code === 'BAD_REQUEST' && options.account === undefined && !settings.get().settings.preferences.dashboardDefaultAccount) {
          throw new AppError('BAD_REQUEST', 'Which account should the dashboard open as? No default account is set.', { hint: 'Pass --account NAME (see "karpor-desktop account list"), or set the default account in the app\'s Settings.' });
        }
        throw e;
      });
      const who = prepared.account ? formatAccountRef(prepared.account) : null;
      if (options.print) {
        out(`${prepared.url}\n`);
        if (prepared.token) out(`${prepared.token}\n`);
      } else {
        const clipboard = prepared.token ? systemClipboard() : null;
        if (prepared.token && !clipboard) {
          throw new AppError('UNSUPPORTED', 'There is no clipboard tool here to hand the token over (wl-copy, xclip, pbcopy or clip).', {
            hint: 'Run "karpor-desktop open --print" and paste the token from its output.',
          });
        }
        await openInSystemBrowser(prepared.url);
        err(`opened ${prepared.url}\n`);
        if (prepared.token && clipboard) {
          guard = createClipboardGuard(clipboard, { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }, CLIPBOARD_MS);
          await guard.copy(prepared.token);
          err(`The token of ${who ?? 'the account'} is on the clipboard: paste it into the dashboard's login box. It is cleared in 60 seconds.\n`);
          // Stay to clear it (unless the forward keeps this process alive anyway).
          if (!own) await Promise.race([new Promise((r) => setTimeout(r, CLIPBOARD_MS)), untilInterrupted()]);
        }
      }
      if (prepared.token) err(`token of ${who ?? 'the account'} (${prepared.tokenSource}), expires ${prepared.expiresAt ?? 'unknown'}\n`);
      else err('RBAC is off on this Karpor server: the dashboard needs no token.\n');
      if (own) {
        err(`Forwarding 127.0.0.1:${profile.localPort} to ${profile.namespace}/${profile.service}; press Ctrl-C to stop.\n`);
        await untilInterrupted();
      }
    } finally {
      await guard?.flush();
      await own?.stop();
    }
  });
}
