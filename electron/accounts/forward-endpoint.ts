// How the accounts services reach the hub through a forward: the app's running forward, or (CLI) a forward
// opened just for one command on a free loopback port and closed when the command is done.
import { anyFreePort } from '../forward/local-port.ts';
import type { ForwardService } from '../forward/forward-service.ts';
import type { ForwardState } from '../forward/forward-state.ts';
import type { Profile } from '../store/settings-schema.ts';
import type { ErrorCode } from '../ipc/contract.ts';
import type { HubEndpoint } from './hub-connection.ts';
import { fail } from './errors.ts';

const READY_TIMEOUT_MS = 20_000;

const codeOf: Record<Extract<ForwardState, { status: 'error' }>['code'], ErrorCode> = {
  SERVICE_NOT_FOUND: 'NOT_FOUND',
  SERVICE_PORT_NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  PORT_IN_USE: 'PORT_IN_USE',
  PORT_NOT_PERMITTED: 'PORT_IN_USE',
  KUBECONFIG_INVALID: 'KUBECONFIG_INVALID',
};

const local = (port: number): string => `https://127.0.0.1:${port}`;

/** Resolves once the forward is ready; fails on an error state or after `timeoutMs`. */
export function waitUntilReady(forward: Pick<ForwardService, 'state' | 'onState'>, timeoutMs = READY_TIMEOUT_MS): Promise<number> {
  return new Promise((resolve, reject) => {
    let off = (): void => undefined;
    const check = (s: ForwardState): boolean => {
      if (s.status === 'ready') {
        resolve(s.localPort);
        return true;
      }
      if (s.status === 'error') {
        reject(fail(codeOf[s.code], s.message, s.hint));
        return true;
      }
      if (s.status === 'stopped') {
        reject(fail('UNAVAILABLE', 'The port-forward to Karpor is not running.', 'Start forwarding (tray menu or the Forward page), then try again.'));
        return true;
      }
      return false;
    };
    if (check(forward.state())) return;
    const timer = setTimeout(() => {
      off();
      const s = forward.state();
      reject(fail('TIMEOUT', `The port-forward to Karpor is not ready (${s.status}${s.status === 'reconnecting' ? `: ${s.lastError}` : ''}).`, 'Check that the karpor-server pods are Ready.'));
    }, timeoutMs);
    off = forward.onState((s) => {
      if (check(s)) {
        clearTimeout(timer);
        off();
      }
    });
  });
}

/** The app's persistent forward: used as it is, never started or stopped from here. */
export function runningForward(forward: Pick<ForwardService, 'state' | 'onState'>): () => Promise<HubEndpoint> {
  return async () => ({ server: local(await waitUntilReady(forward)), release: async () => undefined });
}

/**
 * A forward for one CLI command. It binds a free port rather than the profile's: the app may be holding
 * that one, and a temporary forward must not collide with (or pose as) the persistent one.
 */
export function temporaryForward(createForward: () => ForwardService): (profile: Profile) => Promise<HubEndpoint> {
  return async (profile) => {
    const forward = createForward();
    const localPort = await anyFreePort();
    try {
      await forward.start({
        kubeconfigPath: profile.kubeconfigPath,
        context: profile.context,
        namespace: profile.namespace,
        service: profile.service,
        servicePort: profile.servicePort,
        localPort,
      });
      const port = await waitUntilReady(forward);
      return { server: local(port), release: () => forward.stop() };
    } catch (err) {
      await forward.stop();
      throw err;
    }
  };
}

/** The app's default: the active profile's persistent forward, whatever its local port is now. */
export function activeProfileForward(controller: { active(): Pick<ForwardService, 'state' | 'onState'> | null }): () => Promise<HubEndpoint> {
  return async () => {
    const forward = controller.active();
    if (!forward) throw fail('UNAVAILABLE', 'The port-forward to Karpor is not running.', 'Start forwarding (tray menu or the Forward page), then try again.');
    return runningForward(forward)();
  };
}
