import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createHub, type Hub, type HubOptions, type HubPod } from './index.ts';

export interface HubFixture {
  hub: Hub;
  pod: HubPod;
  /** A kubeconfig like the docs' edited export: Karpor's hub kubeconfig with `server` pointing at the pod. */
  kubeconfig: string;
  dir: string;
}

/** A fresh hub and one pod for the current test, stopped (and its files removed) when the test ends. */
export async function startTestHub(opts: HubOptions = {}): Promise<HubFixture> {
  const hub = await createHub(opts);
  const pod = await hub.startPod('karpor-server-test-0');
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const kubeconfig = join(dir, 'hub.kubeconfig');
  writeFileSync(kubeconfig, hub.kubeconfigYaml(`https://127.0.0.1:${pod.port}`), { mode: 0o600 });
  onTestFinished(async () => {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { hub, pod, kubeconfig, dir };
}
