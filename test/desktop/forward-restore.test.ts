// "Auto-restore of the last state" against the real settings service and event bus.
import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus } from '../../electron/ipc/event-bus.ts';
import { openSettingsFile } from '../../electron/store/settings-file.ts';
import { createSettingsService } from '../../electron/store/settings-service.ts';
import type { ForwardStatusView } from '../../electron/forward/forward-channels.ts';
import { followForwardingIntent, forwardingIsOn, shouldRestoreForwarding } from '../../electron/desktop/forward-restore.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const target = { kubeconfigPath: null, context: 'lab', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 };
const stopped: ForwardStatusView = { profileId: 'p1', target, state: { status: 'stopped' } };
const starting: ForwardStatusView = { profileId: 'p1', target, state: { status: 'starting', localPort: 7443 } };
const reconnecting: ForwardStatusView = { profileId: 'p1', target, state: { status: 'reconnecting', localPort: 7443, attempt: 2, nextRetryAt: new Date().toISOString(), lastError: 'EOF' } };

describe('shouldRestoreForwarding', () => {
  it('starts at launch only when the setting is on and forwarding was on when the app last ran', () => {
    expect(shouldRestoreForwarding({ startForwardingOnLaunch: true, forwardingWasOn: true })).toBe(true);
    expect(shouldRestoreForwarding({ startForwardingOnLaunch: true, forwardingWasOn: false })).toBe(false);
    expect(shouldRestoreForwarding({ startForwardingOnLaunch: false, forwardingWasOn: true })).toBe(false);
  });

  it('counts a forward that is reconnecting as on, and has no answer without a profile', () => {
    expect(forwardingIsOn(reconnecting)).toBe(true);
    expect(forwardingIsOn(stopped)).toBe(false);
    expect(forwardingIsOn({ profileId: null, target: null, state: { status: 'stopped' } })).toBe(null);
  });
});

describe('followForwardingIntent', () => {
  it('remembers each on/off the user makes, but not the stops of quitting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-restore-'));
    dirs.push(dir);
    const settings = createSettingsService({ file: openSettingsFile({ dir }), assertContext: () => undefined });
    const events = createEventBus(() => undefined);
    let status = stopped;
    let quitting = false;
    const writes: boolean[] = [];
    settings.onChange((v) => writes.push(v.settings.preferences.forwardingWasOn));
    followForwardingIntent({ settings, events, forward: { status: () => status }, quitting: () => quitting });
    const change = (next: ForwardStatusView): void => { status = next; events.emit('forward:changed', next); };

    change(stopped);
    expect(settings.get().settings.preferences.forwardingWasOn).toBe(false);
    change(starting);
    change(reconnecting); // still on: no write
    expect(settings.get().settings.preferences.forwardingWasOn).toBe(true);
    quitting = true;
    change(stopped);
    expect(settings.get().settings.preferences.forwardingWasOn).toBe(true);
    expect(writes).toEqual([false, true]);
  });
});
