// The app-wide navigation guard is per window: the app's windows keep to app://karpor, a dashboard
// window (its real window code, through the Electron fake) may move within the dashboard's origin.
import { describe, expect, it } from 'vitest';
import { app, BrowserWindow } from 'electron';
// Test-only stand-in (the same module the `electron` mock returns).
import { WebContents } from '../setup/electron-fake.ts';
import { applySecurityPolicy } from '../../electron/shell/security-policy.ts';
import { createDashboardWindows } from '../../electron/dashboard/dashboard-window.ts';

const fakeApp = app as unknown as { emit: (event: string, ...args: unknown[]) => boolean };
const instances = () => (BrowserWindow as unknown as { instances: (BrowserWindow & { webContents: WebContents })[] }).instances;

type Guard = (event: { url: string; preventDefault(): void }, url: string) => void;
const appGuards = new Map<WebContents, Guard>();

/** Announces a web contents as Electron does, keeping the listener the app-wide policy adds. */
function announce(contents: WebContents): void {
  const before = contents.listenerCount('will-navigate');
  fakeApp.emit('web-contents-created', {}, contents);
  appGuards.set(contents, contents.listeners('will-navigate')[before] as Guard);
}

/** What the app-wide guard does with a navigation (a dashboard window adds its own listeners too). */
function appGuardBlocks(contents: WebContents, url: string): boolean {
  let prevented = false;
  appGuards.get(contents)!({ url, preventDefault: () => { prevented = true; } }, url);
  return prevented;
}

describe('per-window navigation rules', () => {
  applySecurityPolicy();
  const appContents = new WebContents();
  announce(appContents);

  const dashboards = createDashboardWindows({ preloadPath: '/x/preload.cjs', trustedFingerprint: () => null, remint: async () => undefined, log: () => undefined });
  const before = instances().length;
  dashboards.show({ account: null, url: 'https://127.0.0.1:7443/', localPort: 7443, token: null });
  const dashboard = instances()[before]!.webContents;
  // The fake does not announce a window's contents itself; Electron does, before any navigation.
  announce(dashboard);

  it('lets a dashboard window move within the dashboard, which the app window may not', () => {
    expect(appGuardBlocks(dashboard, 'https://127.0.0.1:7443/search?q=pods')).toBe(false);
    expect(appGuardBlocks(appContents, 'https://127.0.0.1:7443/search?q=pods')).toBe(true);
    expect(appGuardBlocks(appContents, 'app://karpor/index.html#/forward')).toBe(false);
  });

  it('keeps everything else out of the dashboard window: other ports, other schemes, the app itself', () => {
    for (const url of ['https://127.0.0.1:7444/', 'http://127.0.0.1:7443/', 'file:///etc/passwd', 'app://karpor/index.html', 'https://example.com/']) {
      expect(appGuardBlocks(dashboard, url), url).toBe(true);
    }
  });

  it('forgets the rule when the window\'s contents is destroyed', () => {
    dashboard.emit('destroyed');
    expect(appGuardBlocks(dashboard, 'https://127.0.0.1:7443/search')).toBe(true);
    expect(appGuardBlocks(dashboard, 'app://karpor/index.html')).toBe(false);
  });
});
