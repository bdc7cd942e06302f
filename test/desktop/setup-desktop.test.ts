// setupDesktop through the Electron fake, the real settings service on a temporary folder, a real
// login shell and a real XDG config folder.
import { afterAll, describe, expect, it } from 'vitest';
import { app } from 'electron';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSettingsFile } from '../../electron/store/settings-file.ts';
import { createSettingsService } from '../../electron/store/settings-service.ts';
import { setupDesktop, type SetupDesktopDeps } from '../../electron/desktop/setup-desktop.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const tmp = (prefix: string): string => { const d = mkdtempSync(join(tmpdir(), prefix)); dirs.push(d); return d; };

interface FakeApp { loginItemCalls: unknown[]; appUserModelId: string | null; setLoginItemSettings(s: unknown): void; getLoginItemSettings(): { wasOpenedAtLogin?: boolean }; setAppUserModelId(id: string): void }
const fakeApp = app as unknown as FakeApp;

function deps(overrides: Partial<SetupDesktopDeps> & { home: string }): { deps: SetupDesktopDeps; settings: ReturnType<typeof createSettingsService> } {
  const settings = createSettingsService({ file: openSettingsFile({ dir: tmp('kd-settings-') }), assertContext: () => undefined });
  return {
    settings,
    deps: {
      app: { ...fakeApp, isPackaged: true, getAppPath: () => '/opt/Karpor Desktop/resources/app.asar' },
      settings,
      platform: 'linux',
      env: { SHELL: '/bin/bash', HOME: overrides.home, PATH: '/usr/bin:/bin', XDG_CONFIG_HOME: join(overrides.home, 'cfg'), XDG_CURRENT_DESKTOP: 'GNOME' },
      argv: ['/opt/Karpor Desktop/karpor-desktop', '--hidden'],
      execPath: '/opt/Karpor Desktop/karpor-desktop',
      homeDir: overrides.home,
      entry: { name: 'Karpor Desktop', comment: 'Port-forward to Karpor' },
      probeTray: async () => false,
      ...overrides,
    },
  };
}

describe('setupDesktop on Linux', () => {
  it('takes the login shell PATH, sees no tray on GNOME, starts minimised, and follows launch at login', async () => {
    const home = tmp('kd-home-');
    mkdirSync(join(home, 'bin'));
    writeFileSync(join(home, '.bash_profile'), 'export PATH="$HOME/bin:$PATH"\n');
    const { deps: d, settings } = deps({ home });
    const setup = await setupDesktop(d);

    expect(d.env.PATH?.split(':')[0]).toBe(join(home, 'bin'));
    expect(setup.shellPath.source).toBe('login-shell');
    expect(setup.tray).toEqual({ available: false, messageKey: 'desktop.noTray.gnome' });
    expect(setup.startup).toBe('minimized');
    expect(fakeApp.appUserModelId).toBe(null); // Windows only

    const file = join(home, 'cfg', 'autostart', 'karpor-desktop.desktop');
    await setup.launchAtLoginApplied();
    expect(existsSync(file)).toBe(false);
    settings.updatePreferences({ launchAtLogin: true });
    await setup.launchAtLoginApplied();
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Karpor Desktop/karpor-desktop" --hidden\n');
    settings.updatePreferences({ launchAtLogin: false });
    settings.updatePreferences({ launchAtLogin: true });
    settings.updatePreferences({ launchAtLogin: false });
    await setup.launchAtLoginApplied();
    expect(existsSync(file)).toBe(false);

    setup.dispose();
    settings.updatePreferences({ launchAtLogin: true });
    await setup.launchAtLoginApplied();
    expect(existsSync(file)).toBe(false);
  });

  it('starts hidden in the tray after a login launch where a tray exists', async () => {
    const { deps: d } = deps({ home: tmp('kd-home-'), probeTray: async () => true });
    const setup = await setupDesktop(d);
    expect(setup.tray).toEqual({ available: true });
    expect(setup.startup).toBe('hidden');
  });
});

describe('setupDesktop on Windows', () => {
  it('registers the login item with --hidden when the setting is on, and shows the window on a normal start', async () => {
    fakeApp.loginItemCalls.length = 0;
    const { deps: d, settings } = deps({ home: tmp('kd-home-'), platform: 'win32', argv: ['C:\\KD\\Karpor Desktop.exe'], execPath: 'C:\\KD\\Karpor Desktop.exe' });
    settings.updatePreferences({ launchAtLogin: true });
    const setup = await setupDesktop(d);
    await setup.launchAtLoginApplied();
    expect(setup.startup).toBe('shown');
    expect(d.env.PATH).toBe('/usr/bin:/bin'); // Windows keeps its own PATH
    expect(fakeApp.loginItemCalls).toEqual([{ openAtLogin: true, path: 'C:\\KD\\Karpor Desktop.exe', args: ['--hidden'] }]);
    expect(fakeApp.appUserModelId).toBe('io.kusionstack.karpor.desktop'); // toasts show only with it
  });
});
