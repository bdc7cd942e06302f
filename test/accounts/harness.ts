// Real services and dispatcher over a real sandbox, with a record of every directory and log line
// the suite produced, so the last test can look for leaked tokens in all of them.
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../electron/services.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch.ts';
import type { Channel, ChannelInput, ChannelOutput, IpcError } from '../../electron/ipc/contract.ts';
import { createAesGcmEncryptor } from '../../electron/accounts/vault/aes-gcm-encryptor.ts';
import type { Sandbox } from '../sandbox/index.ts';

export interface Harness {
  services: Services;
  /** What the app's clipboard holds (Electron's clipboard has this async shape). */
  clipboardText(): string;
  dir: string;
  logs: string[];
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  callError(channel: Channel, input?: unknown): Promise<IpcError>;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  /** Use the app's own persistent forward (services.forward) on this local port instead of going straight to a hub pod. */
  persistentForwardPort?: number;
}

export async function createHarness(sandbox: Sandbox, context = 'sandbox', opts: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'karpor-accounts-'));
  const logs: string[] = [];
  let clipboard = '';
  const services = createServices({
    settingsDir: join(dir, 'settings'),
    version: '0.0.0-test',
    homeDir: dir,
    getEnv: () => ({}),
    log: (line) => logs.push(line),
    accounts: {
      // Straight to the first ready hub pod: what a running forward's local port leads to.
      ...(opts.persistentForwardPort
        ? {}
        : {
            forward: async () => {
              const pod = sandbox.pods().find((p) => p.ready);
              if (!pod) throw new Error('no ready hub pod');
              return { server: `https://127.0.0.1:${pod.hubPort}`, release: async () => undefined };
            },
          }),
      encryptor: createAesGcmEncryptor(randomBytes(32), 'os'),
      clipboard: {
        writeText: async (text) => {
          clipboard = text;
        },
        readText: async () => clipboard,
      },
    },
  });
  services.settings.saveProfile({ name: 'sandbox', kubeconfigPath: sandbox.kubeconfigPath, context, ...(opts.persistentForwardPort ? { localPort: opts.persistentForwardPort } : {}) });
  const dispatch: Dispatch = createDispatcher(createHandlers(services), { transport: 'electron' }, { log: (l) => logs.push(l) });
  return {
    services,
    dir,
    logs,
    clipboardText: () => clipboard,
    async call(channel, input) {
      const env = await dispatch(channel, input);
      if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message} (${env.error.hint ?? ''})`);
      return env.value as ChannelOutput<typeof channel>;
    },
    async callError(channel, input) {
      const env = await dispatch(channel, input);
      if (env.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return env.error;
    },
    dispose: async () => {
      await services.forward.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function hubServer(sandbox: Sandbox): string {
  const pod = sandbox.pods().find((p) => p.ready);
  if (!pod) throw new Error('no ready hub pod');
  return `https://127.0.0.1:${pod.hubPort}`;
}
