import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildForwardMenuItems, forwardIconState, forwardStatusLine, forwardTooltip } from '../../electron/forward/forward-menu.ts';
import type { ForwardState } from '../../electron/forward/forward-state.ts';
import { buildTrayMenu } from '../../electron/tray/tray-menu.ts';
import { trayLabelsFor } from '../../electron/tray/tray-labels.ts';

const ready: ForwardState = { status: 'ready', localPort: 7443, pod: 'karpor-server-abc-12345', since: '2026-01-01T00:00:00.000Z', hubCertFingerprint256: 'AA' };
const taken: ForwardState = { status: 'error', localPort: 7443, code: 'PORT_IN_USE', message: 'Local port 7443 is already in use on 127.0.0.1', hint: 'Port 7444 is free', suggestedPort: 7444 };
const retrying: ForwardState = { status: 'reconnecting', localPort: 7443, attempt: 3, nextRetryAt: '2026-01-01T00:00:02.000Z', lastError: 'no ready pod behind Service karpor/karpor-server' };

function recorder() {
  const calls: string[] = [];
  return { calls, actions: { setForwarding: (on: boolean) => calls.push(`forwarding:${on}`), useSuggestedPort: () => calls.push('usePort') } };
}
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('forward tray entries', () => {
  it('ready: status line with port and pod, a checked toggle that turns forwarding off, no error entry', () => {
    const r = recorder();
    const items = buildForwardMenuItems(ready, r.actions);
    expect(items.map((i) => i.label)).toEqual(['Forwarding 127.0.0.1:7443 → karpor-server-abc-12345', 'Forwarding']);
    expect(items[1]).toMatchObject({ type: 'checkbox', checked: true });
    click(items[1]);
    expect(r.calls).toEqual(['forwarding:false']);
    expect(forwardIconState(ready)).toBe('ready');
  });

  it('stopped: unchecked toggle that starts it', () => {
    const r = recorder();
    const items = buildForwardMenuItems({ status: 'stopped' }, r.actions);
    expect(items[1]).toMatchObject({ checked: false });
    click(items[1]);
    expect(r.calls).toEqual(['forwarding:true']);
    expect(forwardIconState({ status: 'stopped' })).toBe('stopped');
    expect(forwardIconState({ status: 'starting', localPort: 1 })).toBe('reconnecting');
  });

  it('port taken: offers the free port in one click and shows the error and hint in a submenu', () => {
    const r = recorder();
    const items = buildForwardMenuItems(taken, r.actions);
    expect(items.map((i) => i.label)).toEqual(['Not forwarding: Local port 7443 is already in use on 127.0.0.1', 'Forwarding', 'Use port 7444 instead', 'Last error']);
    click(items[2]);
    expect(r.calls).toEqual(['usePort']);
    const sub = items[3]?.submenu as MenuItemConstructorOptions[];
    expect(sub.map((i) => i.label)).toEqual([taken.message, taken.hint]);
    expect(forwardIconState(taken)).toBe('error');
  });

  it('reconnecting: attempt in the status line, what it is fighting in the tooltip and submenu', () => {
    expect(forwardStatusLine(retrying)).toBe('Reconnecting (attempt 3)…');
    expect(forwardTooltip('Karpor Desktop', retrying)).toBe('Karpor Desktop\nReconnecting (attempt 3)…\nno ready pod behind Service karpor/karpor-server');
    const items = buildForwardMenuItems(retrying, recorder().actions);
    expect(items.at(-1)?.label).toBe('Last error');
  });

  it('appears in the tray menu, translated, once the shell passes the state and the toggle', () => {
    const labels = trayLabelsFor('zh-CN', 'en-US');
    const menu = buildTrayMenu(
      { activeProfile: { name: 'p', context: 'c' }, forward: ready },
      { openWindow: () => undefined, quit: () => undefined, setForwarding: () => undefined },
      labels,
    );
    const texts = menu.map((i) => i.label);
    expect(texts).toContain('转发');
    expect(texts).toContain('正在转发 127.0.0.1:7443 → karpor-server-abc-12345');
    const without = buildTrayMenu({ activeProfile: null }, { openWindow: () => undefined, quit: () => undefined });
    expect(without.some((i) => i.label === 'Forwarding')).toBe(false);
  });
});
