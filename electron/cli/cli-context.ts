// What a CLI command gets: where to write, the environment, and the services (made on first use,
// so a command that only reads a kubeconfig never opens the settings file).
import os from 'node:os';
import { createServices, type Services } from '../services.ts';
import { createKubeconfigSource, type KubeconfigSource } from '../kube/kubeconfig-source.ts';
import { defaultSettingsDir } from '../store/settings-dir.ts';
import { createForwardService } from '../forward/forward-service.ts';
import { temporaryForward } from '../accounts/forward-endpoint.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  io: CliIo;
  version: string;
  kube(): KubeconfigSource;
  services(): Services;
}

export function createCliContext(io: CliIo, version: string): CliContext {
  let services: Services | undefined;
  const getEnv = () => io.env;
  return {
    io,
    version,
    kube: () => services?.kube ?? createKubeconfigSource({ homeDir: os.homedir(), getEnv }),
    services: () =>
      (services ??= createServices({
        settingsDir: defaultSettingsDir(io.env),
        version,
        getEnv,
        // Hub commands reach Karpor through a forward opened for the command's own duration.
        accounts: { forward: temporaryForward(() => createForwardService({ loadKubeConfig: (file, context) => createKubeconfigSource({ homeDir: os.homedir(), getEnv }).kubeConfigFor(file, context) })) },
      })),
  };
}
