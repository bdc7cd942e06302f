// The launch-at-login adapter against the Electron fake (login items) and a real temporary
// XDG config folder (autostart file).
import { afterEach, describe, expect, it } from 'vitest';
import { app } from 'electron';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLaunchAtLogin, type LaunchAtLoginDeps } from '../../electron/desktop/launch-at-login.ts';

interface FakeApp { loginItemCalls: unknown[]; setLoginItemSettings(s: unknown): void }
const fakeApp = app as unknown as FakeApp;
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function deps(platform: NodeJS.Platform, env: { XDG_CONFIG_HOME?: string } = {}, homeDir = '/nonexistent-home'): LaunchAtLoginDeps {
  return {
    platform,
    app: fakeApp,
    command: { executable: '/home/u/Apps/Karpor Desktop.AppImage', args: [] },
    env,
    homeDir,
    entry: { name: 'Karpor Desktop', comment: 'Port-forward to Karpor', icon: 'karpor-desktop', wmClass: 'karpor-desktop' },
  };
}

describe('applyLaunchAtLogin', () => {
  it('registers and unregisters a Windows login item with --hidden', async () => {
    fakeApp.loginItemCalls.length = 0;
    await applyLaunchAtLogin(true, deps('win32'));
    await applyLaunchAtLogin(false, deps('win32'));
    expect(fakeApp.loginItemCalls).toEqual([
      { openAtLogin: true, path: '/home/u/Apps/Karpor Desktop.AppImage', args: ['--hidden'] },
      { openAtLogin: false, path: '/home/u/Apps/Karpor Desktop.AppImage', args: ['--hidden'] },
    ]);
  });

  it('uses the macOS login item without touching any file', async () => {
    fakeApp.loginItemCalls.length = 0;
    expect(await applyLaunchAtLogin(true, deps('darwin'))).toEqual({});
    expect(fakeApp.loginItemCalls).toEqual([{ openAtLogin: true }]);
  });

  it('writes the XDG autostart file under XDG_CONFIG_HOME on Linux, and removes it', async () => {
    const cfg = mkdtempSync(join(tmpdir(), 'kd-xdg-'));
    dirs.push(cfg);
    fakeApp.loginItemCalls.length = 0;
    const { autostartFile } = await applyLaunchAtLogin(true, deps('linux', { XDG_CONFIG_HOME: cfg }));
    expect(autostartFile).toBe(join(cfg, 'autostart', 'karpor-desktop.desktop'));
    const text = readFileSync(join(cfg, 'autostart', 'karpor-desktop.desktop'), 'utf8');
    expect(text).toContain('Exec="/home/u/Apps/Karpor Desktop.AppImage" --hidden\n');
    expect(statSync(join(cfg, 'autostart', 'karpor-desktop.desktop')).mode & 0o777).toBe(0o644);
    expect(fakeApp.loginItemCalls).toEqual([]); // Electron has no login items on Linux

    await applyLaunchAtLogin(false, deps('linux', { XDG_CONFIG_HOME: cfg }));
    expect(existsSync(join(cfg, 'autostart', 'karpor-desktop.desktop'))).toBe(false);
    await expect(applyLaunchAtLogin(false, deps('linux', { XDG_CONFIG_HOME: cfg }))).resolves.toBeDefined(); // already gone: fine
  });

  it('falls back to ~/.config/autostart when XDG_CONFIG_HOME is unset', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kd-home-'));
    dirs.push(home);
    await applyLaunchAtLogin(true, deps('linux', {}, home));
    expect(existsSync(join(home, '.config', 'autostart', 'karpor-desktop.desktop'))).toBe(true);
  });
});
