// Host credentials that expire: after a 401 the engine reloads the kubeconfig (re-running exec
// plugins) and carries on; credentials that stay rejected become an UNAUTHORIZED error.
import os from 'node:os';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { createForwardService } from '../../electron/forward/forward-service.ts';
import type { ForwardService } from '../../electron/forward/forward-service.ts';
import { createKubeconfigSource } from '../../electron/kube/kubeconfig-source.ts';
import { freePort, request, target, waitForState } from './forward-helpers.ts';

let sb: Sandbox | undefined;
let svc: ForwardService | undefined;
afterEach(async () => {
  await svc?.stop();
  await sb?.stop();
});

/** The real kubeconfig of `context`, with its bearer token replaced (what an expired token looks like). */
function withToken(kc: KubeConfig, token: string): KubeConfig {
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: kc.getClusters(),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
    users: kc.getUsers().map((u) => (u.name === kc.getCurrentUser()?.name ? { ...u, token } : u)),
  });
  return out;
}

/**
 * A forward service over a fresh sandbox whose n-th kubeconfig load (from 1) carries `tokenFor(n)`
 * instead of its real token when that is defined; `loads()` counts the loads so far.
 */
async function startWithTokens(tokenFor: (load: number) => string | undefined): Promise<{ kubeconfigPath: string; service: ForwardService; loads: () => number }> {
  sb = await startSandbox({ rbac: false });
  const source = createKubeconfigSource({ homeDir: os.tmpdir(), getEnv: () => ({}) });
  let loads = 0;
  svc = createForwardService({
    loadKubeConfig: (file, context) => {
      const kc = source.kubeConfigFor(file, context);
      const token = tokenFor(++loads);
      return token === undefined ? kc : withToken(kc, token);
    },
  });
  return { kubeconfigPath: sb.kubeconfigPath, service: svc, loads: () => loads };
}

describe('forward credentials', () => {
  it('an expired token is replaced by reloading the kubeconfig after the 401', async () => {
    const { kubeconfigPath, service, loads } = await startWithTokens((n) => (n === 1 ? 'expired-token' : undefined));
    const port = await freePort();
    await service.start(target(kubeconfigPath, port, 'sandbox-noconfigmap'));
    await waitForState(service, (s) => s.status === 'ready', 15_000);
    expect(loads()).toBe(2);
    expect(service.log().some((e) => e.message.includes('credentials rejected') && e.message.includes('reloading the kubeconfig'))).toBe(true);
    expect((await request(port, '/livez')).status).toBe(200);
    expect(JSON.stringify(service.log())).not.toContain('expired-token');
  }, 30_000);

  it('credentials still rejected after the reload: UNAUTHORIZED with a hint, no retry storm', async () => {
    const { kubeconfigPath, service, loads } = await startWithTokens(() => 'revoked-token');
    await service.start(target(kubeconfigPath, await freePort(), 'sandbox-noconfigmap'));
    const s = await waitForState(service, (st) => st.status === 'error', 15_000);
    expect(s).toMatchObject({ status: 'error', code: 'UNAUTHORIZED' });
    if (s.status === 'error') expect(s.hint).toMatch(/Log in again/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(loads()).toBe(2);
  }, 30_000);
});
