// The tray's forward entries as a pure function of the forward state: a status line, the
// "Forwarding" toggle, the last error (submenu, also the tooltip) and "use port N" when the local
// port is taken. The tray menu splices them in and is rebuilt on every state change.
import type { MenuItemConstructorOptions } from 'electron';
import type { ForwardState } from './forward-state.ts';
import { trayIconStateFor } from '../desktop/icon-paths.ts';
import type { TrayIconState } from '../desktop/icon-paths.ts';

export interface ForwardMenuActions {
  setForwarding(on: boolean): void;
  useSuggestedPort?(): void;
}

export interface ForwardMenuLabels {
  stopped: string;
  starting(port: number): string;
  ready(port: number, pod: string): string;
  reconnecting(attempt: number): string;
  error(message: string): string;
  forwarding: string;
  lastError: string;
  usePort(port: number): string;
}

export const englishForwardMenuLabels: ForwardMenuLabels = {
  stopped: 'Forwarding is off',
  starting: (port) => `Connecting 127.0.0.1:${port}…`,
  ready: (port, pod) => `Forwarding 127.0.0.1:${port} → ${pod}`,
  reconnecting: (attempt) => `Reconnecting (attempt ${attempt})…`,
  error: (message) => `Not forwarding: ${message}`,
  forwarding: 'Forwarding',
  lastError: 'Last error',
  usePort: (port) => `Use port ${port} instead`,
};

/** Icon for the state (starting reads as reconnecting: a connection in progress). */
export function forwardIconState(state: ForwardState): TrayIconState {
  return trayIconStateFor(state.status);
}

export function forwardStatusLine(state: ForwardState, labels: ForwardMenuLabels = englishForwardMenuLabels): string {
  switch (state.status) {
    case 'stopped':
      return labels.stopped;
    case 'starting':
      return labels.starting(state.localPort);
    case 'ready':
      return labels.ready(state.localPort, state.pod);
    case 'reconnecting':
      return labels.reconnecting(state.attempt);
    case 'error':
      return labels.error(state.message);
  }
}

/** The error users should read: the current one, or what a reconnect is fighting. */
export function forwardLastError(state: ForwardState): { message: string; hint?: string } | null {
  if (state.status === 'error') return { message: state.message, hint: state.hint };
  if (state.status === 'reconnecting') return { message: state.lastError };
  return null;
}

/** Tooltip for the tray icon (hover shows the last error, as the issue asks). */
export function forwardTooltip(title: string, state: ForwardState, labels: ForwardMenuLabels = englishForwardMenuLabels): string {
  const err = forwardLastError(state);
  return [title, forwardStatusLine(state, labels), ...(err && state.status === 'reconnecting' ? [err.message] : [])].join('\n');
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function buildForwardMenuItems(state: ForwardState, actions: ForwardMenuActions, labels: ForwardMenuLabels = englishForwardMenuLabels): MenuItemConstructorOptions[] {
  const on = state.status !== 'stopped';
  const items: MenuItemConstructorOptions[] = [
    { label: clip(forwardStatusLine(state, labels)), enabled: false },
    { label: labels.forwarding, type: 'checkbox', checked: on, click: () => actions.setForwarding(!on) },
  ];
  if (state.status === 'error' && state.suggestedPort !== undefined && actions.useSuggestedPort) {
    const useSuggestedPort = actions.useSuggestedPort;
    items.push({ label: labels.usePort(state.suggestedPort), click: () => useSuggestedPort() });
  }
  const err = forwardLastError(state);
  if (err) {
    items.push({
      label: labels.lastError,
      submenu: [{ label: clip(err.message, 200), enabled: false }, ...(err.hint ? [{ label: clip(err.hint, 200), enabled: false }] : [])],
    });
  }
  return items;
}
