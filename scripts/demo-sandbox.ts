// Shared by `npm run demo` and `npm run demo:web`: the sandbox (a local stand-in for a cluster running
// Karpor) started in this process, and a fresh settings folder holding one profile that points at it,
// so the app opens ready to forward, mint tokens and log in without any real cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../test/sandbox/index.ts';
import { createServices } from '../electron/services.ts';
import { anyFreePort } from '../electron/forward/local-port.ts';

export interface DemoEnvironment {
  sandbox: Sandbox;
  settingsDir: string;
  kubeconfigPath: string;
  context: string;
  localPort: number;
  stop(): Promise<void>;
}

export async function startDemoEnvironment(): Promise<DemoEnvironment> {
  // One throw-away folder for the sandbox kubeconfig and the settings, removed as a whole on stop.
  const dir = mkdtempSync(join(tmpdir(), 'karpor-desktop-demo-'));
  const settingsDir = join(dir, 'settings');
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ kubeconfigOut: join(dir, 'kubeconfig') });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  try {
    const kubeconfigPath = sandbox.kubeconfigPath;
    const services = createServices({ settingsDir, version: 'demo', getEnv: () => ({ KUBECONFIG: kubeconfigPath }) });
    const context = services.kube.listContexts(kubeconfigPath).currentContext;
    if (!context) throw new Error(`the sandbox kubeconfig ${kubeconfigPath} has no current-context`);
    const localPort = await anyFreePort();
    const profile = services.settings.saveProfile({
      name: 'Sandbox', kubeconfigPath, context, namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort,
    });
    services.settings.activateProfile(profile.id);
    let stopped: Promise<void> | null = null;
    const stop = (): Promise<void> => (stopped ??= sandbox.stop().finally(() => rmSync(dir, { recursive: true, force: true })));
    return { sandbox, settingsDir, kubeconfigPath, context, localPort, stop };
  } catch (err) {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Stops the environment (and whatever else `extra` ends) once on Ctrl+C or SIGTERM. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
