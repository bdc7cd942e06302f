import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildDashboardMenuItems } from '../../electron/dashboard/dashboard-menu.ts';
import { buildTrayMenu } from '../../electron/tray/tray-menu.ts';

const labelsOf = (items: MenuItemConstructorOptions[]): unknown[] =>
  items.map((i) => (Array.isArray(i.submenu) ? { label: i.label, submenu: labelsOf(i.submenu) } : i.type === 'separator' ? '---' : i.label));

function recorder() {
  const calls: Array<string | undefined> = [];
  return { calls, actions: { openDashboard: (account?: string) => void calls.push(account) } };
}

describe('dashboard tray entries', () => {
  it('offers the default account and one entry per account, sorted', () => {
    const { calls, actions } = recorder();
    const items = buildDashboardMenuItems({ rbacEnabled: true, defaultAccount: 'karpor-admin', accounts: ['karpor-guest', 'karpor-admin', 'team/viewer'] }, actions);
    expect(labelsOf(items)).toEqual(['Open dashboard (karpor-admin)', { label: 'Open dashboard as…', submenu: ['karpor-admin', 'karpor-guest', 'team/viewer'] }]);
    items[0]?.click?.({} as never, undefined, {} as never);
    const sub = items[1]?.submenu as MenuItemConstructorOptions[];
    sub[2]?.click?.({} as never, undefined, {} as never);
    expect(calls).toEqual([undefined, 'team/viewer']);
  });

  it('says there are no accounts yet instead of an empty submenu', () => {
    const items = buildDashboardMenuItems({ rbacEnabled: null, defaultAccount: null, accounts: [] }, recorder().actions);
    expect(labelsOf(items)).toEqual(['Open dashboard', { label: 'Open dashboard as…', submenu: ['No accounts yet: create one in the window'] }]);
    expect((items[1]?.submenu as MenuItemConstructorOptions[])[0]?.enabled).toBe(false);
  });

  it('with RBAC off there is nobody to open as: one plain entry', () => {
    const items = buildDashboardMenuItems({ rbacEnabled: false, defaultAccount: 'karpor-admin', accounts: ['karpor-admin'] }, recorder().actions);
    expect(labelsOf(items)).toEqual(['Open dashboard']);
  });

  it('sits in the tray menu right after "Open window" once wired, and is absent before', () => {
    const base = { openWindow: () => undefined, quit: () => undefined };
    const without = buildTrayMenu({ activeProfile: null }, base);
    expect(labelsOf(without)).not.toContain('Open dashboard');
    const withDash = buildTrayMenu({ activeProfile: null, dashboard: { rbacEnabled: true, defaultAccount: null, accounts: ['karpor-guest'] } }, { ...base, openDashboard: () => undefined });
    const labels = labelsOf(withDash);
    const at = labels.indexOf('Open window');
    expect(labels.slice(at, at + 3)).toEqual(['Open window', 'Open dashboard', { label: 'Open dashboard as…', submenu: ['karpor-guest'] }]);
  });
});
