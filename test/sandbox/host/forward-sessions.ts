// What sits between a port-forward session and a pod: the kubelet's dial into the pod (refused when the hub is made
// unreachable), the registry of live sessions (so tests can cut them all), and an idle cut like a load balancer's.
import { connect } from 'node:net';
import type { OnReadOpts, Socket } from 'node:net';

export interface PodTarget {
  name: string;
  uid: string;
  hubPort: number;
}

export interface SessionHandle {
  /** Call on every byte moved, in either direction: it resets the idle timer. */
  touch(): void;
  /** Call when the session ended by itself. */
  done(): void;
}

export const POD_PORT = 7443;

export class ForwardSessions {
  private readonly live = new Map<() => void, { pod: string; timer?: NodeJS.Timeout }>();
  private readonly idleTimeoutMs: number;
  reachable = true;

  constructor(idleTimeoutMs: number) {
    this.idleTimeoutMs = idleTimeoutMs;
  }

  get count(): number {
    return this.live.size;
  }

  track(pod: string, close: () => void): SessionHandle {
    const entry: { pod: string; timer?: NodeJS.Timeout } = { pod };
    this.live.set(close, entry);
    const arm = (): void => {
      if (this.idleTimeoutMs <= 0) return;
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => this.cut(close), this.idleTimeoutMs);
    };
    arm();
    return {
      touch: arm,
      done: () => {
        clearTimeout(entry.timer);
        this.live.delete(close);
      },
    };
  }

  dropAll(): void {
    for (const close of [...this.live.keys()]) this.cut(close);
  }

  /** A deleted pod takes its port-forward connections with it, as the kubelet tears down the pod's streams. */
  dropPod(pod: string): void {
    for (const [close, entry] of [...this.live]) if (entry.pod === pod) this.cut(close);
  }

  /**
   * Opens the connection into the pod the way the kubelet does; fails with the kubelet's wording so clients show
   * what they would show against a real node. `onread` lets the caller read into buffers it reuses.
   */
  dial(pod: PodTarget, port: number, onread?: OnReadOpts): Promise<Socket> {
    const refused = (): Error => {
      const sandboxId = pod.uid.replace(/-/g, '');
      return new Error(
        `error forwarding port ${port} to pod ${sandboxId}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${pod.uid}": ` +
          `failed to connect to localhost:${port} inside namespace "${sandboxId}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused ` +
          `IPv6 dial tcp6 [::1]:${port}: connect: connection refused `,
      );
    };
    if (!this.reachable || port !== POD_PORT || pod.hubPort === 0) return Promise.reject(refused());
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: pod.hubPort, onread });
      socket.once('connect', () => {
        socket.setNoDelay(true);
        resolve(socket);
      });
      socket.once('error', () => reject(refused()));
    });
  }

  private cut(close: () => void): void {
    const entry = this.live.get(close);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.live.delete(close);
    close();
  }
}
