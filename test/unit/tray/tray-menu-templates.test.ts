// The whole tray menu, per forward state and per language, compared as a template (labels, types,
// checked/enabled flags, submenus). The snapshot file is the reviewed expectation; a change to any
// entry of any state in either language shows up as a diff.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildTrayMenu, type TrayState } from '../../../electron/tray/tray-menu.ts';
import { trayLabelsFor } from '../../../electron/tray/tray-labels.ts';
import type { ForwardState } from '../../../electron/forward/forward-state.ts';

const states: Record<string, ForwardState> = {
  stopped: { status: 'stopped' },
  starting: { status: 'starting', localPort: 7443 },
  ready: { status: 'ready', localPort: 7443, pod: 'karpor-server-7d9f-x2k4q', since: '2026-11-29T03:00:00.000Z', hubCertFingerprint256: 'AB:CD' },
  reconnecting: { status: 'reconnecting', localPort: 7443, attempt: 2, nextRetryAt: '2026-11-29T03:00:04.000Z', lastError: 'no ready pod behind Service karpor/karpor-server' },
  error: { status: 'error', localPort: 7443, code: 'PORT_IN_USE', message: 'Local port 7443 is already in use on 127.0.0.1', hint: 'Stop the other program, or use port 7444.', suggestedPort: 7444 },
};

type Template = Omit<MenuItemConstructorOptions, 'click' | 'submenu'> & { submenu?: Template[] };
function template(items: MenuItemConstructorOptions[]): Template[] {
  return items.map(({ click: _click, submenu, ...rest }) => ({
    ...rest,
    ...(Array.isArray(submenu) ? { submenu: template(submenu) } : {}),
  }));
}

const noop = () => undefined;
const actions = { openWindow: noop, quit: noop, setForwarding: noop, useSuggestedPort: noop, openDashboard: noop };

describe.each(['en', 'zh-CN'] as const)('tray menu in %s', (language) => {
  it.each(Object.keys(states))('%s', (name) => {
    const state: TrayState = {
      activeProfile: { name: 'Production', context: 'prod-admin' },
      forward: states[name],
      dashboard: { rbacEnabled: true, defaultAccount: 'karpor-guest', accounts: ['karpor-admin', 'karpor-guest'] },
    };
    expect(template(buildTrayMenu(state, actions, trayLabelsFor(language, 'en-US')))).toMatchSnapshot();
  });
});
