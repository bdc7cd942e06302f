// Which Karpor a CLI command talks to, as kubectl users expect: flags first, then the app's active
// profile, then the kubeconfig kubectl would use with its current context. One definition of the target
// flags serves every command (forward and the hub commands).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../ipc/app-error.ts';
import { dnsLabel, type Profile } from '../store/settings-schema.ts';
import type { KubeconfigSource } from '../kube/kubeconfig-source.ts';

export const TARGET_DEFAULTS = { namespace: 'karpor', service: 'karpor-server', port: 7443, localPort: 7443 } as const;

/** What the target flags parse to; a field is undefined when its flag was not given. */
export interface TargetFlags {
  kubeconfig?: string;
  context?: string;
  karporNamespace?: string;
  service?: string;
  port?: number;
  localPort?: number;
}

/** Where a resolved target came from (shown to the user, so they know which cluster was used). */
export type TargetSource = 'flags' | 'profile' | 'kubectl';

export interface ResolvedTarget {
  profile: Profile;
  source: TargetSource;
}

/** Parses a port flag; commander turns the error into a usage error (exit 2). */
export function portArg(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new InvalidArgumentError(`${flag} must be a port number 1-65535, got "${value}".`);
    return n;
  };
}

/** Parses a namespace or Service name flag (RFC 1123 label, as Kubernetes requires). */
export function labelArg(flag: string) {
  return (value: string): string => {
    if (!dnsLabel.safeParse(value).success) {
      throw new InvalidArgumentError(`${flag} takes a Kubernetes name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit.`);
    }
    return value;
  };
}

const nonEmpty = (flag: string) => (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError(`${flag} must not be empty.`);
  return value;
};

export interface TargetOptionSet {
  /** --service and --port: where the forward leads (forward, open and the hub commands' temporary forward). */
  service?: boolean;
  /** --local-port: the local end of a forward the command runs or points at (forward, open, hub-kubeconfig). */
  localPort?: boolean;
}

/**
 * Adds the target flags to `command`. Defaults are shown in --help but not set, so that "no target flag
 * given" can fall back to the app's profile.
 */
export function addTargetOptions(command: Command, set: TargetOptionSet = {}): Command {
  command
    .addOption(new Option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config)').argParser(nonEmpty('--kubeconfig')))
    .addOption(new Option('--context <name>', "kubeconfig context (default: the kubeconfig's current context)").argParser(nonEmpty('--context')))
    .addOption(new Option('--karpor-namespace <ns>', `Karpor's namespace on the host cluster (default: ${TARGET_DEFAULTS.namespace})`).argParser(labelArg('--karpor-namespace')));
  if (set.service) {
    command
      .addOption(new Option('--service <name>', `Karpor's Service (default: ${TARGET_DEFAULTS.service})`).argParser(labelArg('--service')))
      .addOption(new Option('--port <port>', `Service port (default: ${TARGET_DEFAULTS.port})`).argParser(portArg('--port')));
  }
  command.addHelpText('after', "\nWhich cluster: these flags when any is given; else the app's active profile; else the current context of the kubeconfig kubectl would use.");
  if (set.localPort) {
    command.addOption(new Option('--local-port <port>', `local port of the forward on 127.0.0.1 (default: ${TARGET_DEFAULTS.localPort})`).argParser(portArg('--local-port')));
  }
  return command;
}

const givenAny = (flags: TargetFlags): boolean => Object.values(flags).some((v) => v !== undefined);

/** The target from flags, with kubectl's defaults for what was not given. */
export function targetFromFlags(flags: TargetFlags, kube: KubeconfigSource): Profile {
  const kubeconfigPath = flags.kubeconfig ?? null;
  const context = flags.context ?? kube.listContexts(kubeconfigPath).currentContext;
  if (!context) {
    throw new AppError('KUBECONFIG_INVALID', `The kubeconfig${kubeconfigPath ? ` ${kubeconfigPath}` : ''} has no current context.`, {
      hint: 'Pass --context NAME (see "karpor-desktop contexts"), or set one with "kubectl config use-context NAME".',
    });
  }
  kube.assertContext(kubeconfigPath, context);
  return {
    // Not a saved profile: the id only keys this process's (empty, in-memory) token vault.
    id: `cli:${context}`,
    name: context,
    kubeconfigPath,
    context,
    namespace: flags.karporNamespace ?? TARGET_DEFAULTS.namespace,
    service: flags.service ?? TARGET_DEFAULTS.service,
    servicePort: flags.port ?? TARGET_DEFAULTS.port,
    localPort: flags.localPort ?? TARGET_DEFAULTS.localPort,
  };
}

/**
 * Flags → a target built from them; no flags → the app's active profile, if there is one; else the
 * kubeconfig kubectl would use with its current context.
 */
export function resolveTarget(flags: TargetFlags, deps: { kube: KubeconfigSource; activeProfile: () => Profile | null }): ResolvedTarget {
  if (givenAny(flags)) return { profile: targetFromFlags(flags, deps.kube), source: 'flags' };
  const profile = deps.activeProfile();
  if (profile) return { profile, source: 'profile' };
  return { profile: targetFromFlags({}, deps.kube), source: 'kubectl' };
}

/** One stderr line saying which cluster a command used, so a fallback is never a surprise. */
export function describeTarget(target: ResolvedTarget): string {
  const p = target.profile;
  const where = `context "${p.context}"${p.kubeconfigPath ? ` of ${p.kubeconfigPath}` : ''}, Karpor in namespace ${p.namespace}`;
  if (target.source === 'profile') return `using profile "${p.name}" (${where})`;
  if (target.source === 'kubectl') return `using ${where} (no profile; as kubectl would)`;
  return `using ${where}`;
}

/** Only the target fields of a command's parsed options (commander passes them all in one object). */
export function pickTargetFlags(options: TargetFlags): TargetFlags {
  const { kubeconfig, context, karporNamespace, service, port, localPort } = options;
  return { kubeconfig, context, karporNamespace, service, port, localPort };
}
