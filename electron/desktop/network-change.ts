// Main has no "network changed" event (powerMonitor covers sleep and lock only), so the shell polls:
// a snapshot of the machine's addresses every few seconds, and a change (Wi-Fi switch, VPN up or
// down, cable out) asks the forward to probe now instead of at its next health check.
import type { NetworkInterfaceInfo } from 'node:os';

export const NETWORK_POLL_MS = 5000;

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The external addresses, order-independent: loopback never changes with the network. */
export function addressSnapshot(interfaces: Interfaces): string {
  const entries: string[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) if (!info.internal) entries.push(`${name} ${info.family} ${info.address}`);
  }
  return entries.sort().join('\n');
}

export interface NetworkWatchDeps {
  read(): Interfaces;
  onChange(): void;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => { unref?(): unknown };
  clearInterval?: (timer: { unref?(): unknown }) => void;
}

/** Calls onChange when the addresses differ from the last poll; returns the stop function. */
export function watchNetworkChanges(deps: NetworkWatchDeps): () => void {
  const every = deps.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((t: { unref?(): unknown }) => clearInterval(t as NodeJS.Timeout));
  let last = addressSnapshot(deps.read());
  const timer = every(() => {
    let next: string;
    try {
      next = addressSnapshot(deps.read());
    } catch {
      return; // a failed read is not a change
    }
    if (next === last) return;
    last = next;
    deps.onChange();
  }, deps.intervalMs ?? NETWORK_POLL_MS);
  // Polling must never keep the process alive on its own (the CLI, tests).
  timer.unref?.();
  return () => stop(timer);
}
