import { describe, expect, it } from 'vitest';
import os, { type NetworkInterfaceInfo } from 'node:os';
import { addressSnapshot, watchNetworkChanges } from '../../electron/desktop/network-change.ts';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` });

describe('addressSnapshot', () => {
  it('ignores loopback and order, sees an address that comes or goes', () => {
    const a = addressSnapshot({ lo: [v4('127.0.0.1', true)], eth0: [v4('192.168.1.5')], wg0: [v4('10.0.0.2')] });
    expect(addressSnapshot({ wg0: [v4('10.0.0.2')], eth0: [v4('192.168.1.5')], lo: [v4('127.0.0.9', true)] })).toBe(a);
    expect(addressSnapshot({ eth0: [v4('192.168.1.5')] })).not.toBe(a); // VPN down
    expect(addressSnapshot({ eth0: [v4('192.168.7.5')], wg0: [v4('10.0.0.2')] })).not.toBe(a); // another Wi-Fi
  });

  it('reads the real interfaces of this machine', () => {
    expect(typeof addressSnapshot(os.networkInterfaces())).toBe('string');
  });
});

describe('watchNetworkChanges', () => {
  it('calls onChange once per change of addresses, polling at the interval, until stopped', () => {
    let current: NodeJS.Dict<NetworkInterfaceInfo[]> = { eth0: [v4('192.168.1.5')] };
    let tick: (() => void) | null = null;
    let interval = 0;
    let stopped = false;
    let changes = 0;
    const stop = watchNetworkChanges({
      read: () => current,
      onChange: () => { changes += 1; },
      setInterval: (fn, ms) => { tick = fn; interval = ms; return {}; },
      clearInterval: () => { stopped = true; },
    });
    expect(interval).toBe(5000);
    tick!();
    expect(changes).toBe(0);
    current = { eth0: [v4('192.168.1.5')], wg0: [v4('10.0.0.2')] };
    tick!();
    tick!();
    expect(changes).toBe(1);
    current = { eth0: [v4('192.168.1.5')] };
    tick!();
    expect(changes).toBe(2);
    stop();
    expect(stopped).toBe(true);
  });

  it('does not count a failed read as a change', () => {
    let fail = false;
    let tick: (() => void) | null = null;
    let changes = 0;
    watchNetworkChanges({
      read: () => { if (fail) throw new Error('EPERM'); return { eth0: [v4('192.168.1.5')] }; },
      onChange: () => { changes += 1; },
      setInterval: (fn) => { tick = fn; return {}; },
      clearInterval: () => undefined,
    });
    fail = true;
    tick!();
    fail = false;
    tick!();
    expect(changes).toBe(0);
  });
});
