// setupNotifications against the real services (settings, event bus, token vault) and the Electron
// fake's Notification, with a hand-driven clock.
import { afterAll, describe, expect, it } from 'vitest';
import { Notification } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../electron/services.ts';
import type { ForwardStatusView } from '../../electron/forward/forward-channels.ts';
import type { NotificationClass } from '../../electron/desktop/notifier.ts';
import { setupNotifications } from '../../electron/desktop/setup-notifications.ts';
import { kubeconfigYaml } from '../integration/helpers/kubeconfigs.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const shown = (Notification as unknown as { shown: { title: string; body: string }[] }).shown;

function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'kd-notify-'));
  dirs.push(dir);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigYaml({ contexts: [{ name: 'lab' }] }));
  const services = createServices({ settingsDir: dir, version: 't', homeDir: dir, getEnv: () => ({ KUBECONFIG: kubeconfig }), log: () => undefined });
  const profile = services.settings.saveProfile({ name: 'Lab', kubeconfigPath: null, context: 'lab' });
  let now = Date.parse('2026-01-01T10:00:00Z');
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const notifications = setupNotifications({
    services,
    Notification: Notification as unknown as NotificationClass,
    systemLocale: 'en-US',
    now: () => now,
    setTimer: (fn, ms) => { const t = { at: now + ms, fn, cancelled: false }; timers.push(t); return { cancel: () => { t.cancelled = true; } }; },
  });
  const target = { kubeconfigPath: null, context: 'lab', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 };
  const emit = (state: ForwardStatusView['state']): void => services.events.emit('forward:changed', { profileId: profile.id, target, state });
  const advance = (ms: number): void => {
    now += ms;
    for (const t of timers.splice(0)) if (!t.cancelled && t.at <= now) t.fn(); else if (!t.cancelled) timers.push(t);
  };
  return { services, emit, advance, notifications, iso: () => new Date(now).toISOString() };
}

describe('setupNotifications', () => {
  it('says nothing for a short drop; a minute down it says Karpor is unreachable, then that it is back', () => {
    const h = harness();
    const start = shown.length;
    const ready = () => ({ status: 'ready' as const, localPort: 7443, pod: 'karpor-server-1', since: h.iso(), hubCertFingerprint256: 'AA' });
    const down = () => ({ status: 'reconnecting' as const, localPort: 7443, attempt: 1, nextRetryAt: h.iso(), lastError: 'EOF' });
    h.emit({ status: 'starting', localPort: 7443 });
    h.emit(ready());
    h.emit(down());
    h.advance(20_000);
    h.emit(ready()); // back within the minute: no news
    h.emit(down());
    h.advance(59_000);
    expect(shown.slice(start)).toEqual([]);
    h.advance(2_000);
    expect(shown.slice(start)).toEqual([{ title: 'Karpor is unreachable', body: 'The forward for Lab (127.0.0.1:7443) has been down for over a minute. Karpor Desktop keeps trying.' }]);
    h.emit(ready());
    expect(shown.slice(start + 1)).toEqual([{ title: 'Karpor is reachable again', body: 'The forward for Lab is back on 127.0.0.1:7443.' }]);
    h.notifications.dispose();
  });

  it('tells the user about an error that needs them once, in the language of the settings at that moment', () => {
    const h = harness();
    const start = shown.length;
    h.services.settings.updatePreferences({ language: 'zh-CN' });
    h.emit({ status: 'starting', localPort: 7443 });
    const error = { status: 'error' as const, localPort: 7443, code: 'PORT_IN_USE' as const, message: 'taken', hint: 'use 7444', suggestedPort: 7444 };
    h.emit(error);
    h.emit(error);
    expect(shown.slice(start)).toHaveLength(1);
    expect(shown[start]?.title).toBe('Lab：端口转发需要你处理');
    expect(shown[start]?.body).toContain('7443');
    h.notifications.dispose();
  });
});
