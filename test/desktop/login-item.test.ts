import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartPath, launchCommand, loginItemSettings, quoteExecArg, startedAtLogin } from '../../electron/desktop/login-item.ts';

const installed = launchCommand({ execPath: '/opt/Karpor Desktop/karpor-desktop', packaged: true, appPath: '/opt/Karpor Desktop/resources/app.asar' });

describe('launch command', () => {
  it('starts the AppImage file, not the binary inside its temporary mount', () => {
    expect(launchCommand({ execPath: '/tmp/.mount_KarporAb12/karpor-desktop', appImage: '/home/u/Apps/Karpor.AppImage', packaged: true, appPath: '/tmp/.mount_KarporAb12/resources/app.asar' }))
      .toEqual({ executable: '/home/u/Apps/Karpor.AppImage', args: [] });
  });
  it('passes the app folder to unpackaged Electron', () => {
    expect(launchCommand({ execPath: '/repo/node_modules/electron/dist/electron', packaged: false, appPath: '/repo' }))
      .toEqual({ executable: '/repo/node_modules/electron/dist/electron', args: ['/repo'] });
  });
});

describe('login item settings', () => {
  it('registers the command line with --hidden on Windows', () => {
    expect(loginItemSettings(true, 'win32', { executable: 'C:\\Users\\u\\AppData\\Local\\Programs\\Karpor Desktop\\Karpor Desktop.exe', args: [] }))
      .toEqual({ openAtLogin: true, path: 'C:\\Users\\u\\AppData\\Local\\Programs\\Karpor Desktop\\Karpor Desktop.exe', args: ['--hidden'] });
  });
  it('only toggles openAtLogin on macOS, which reports a login launch itself', () => {
    expect(loginItemSettings(true, 'darwin', installed)).toEqual({ openAtLogin: true });
    expect(loginItemSettings(false, 'darwin', installed)).toEqual({ openAtLogin: false });
  });
  it('knows a login launch by the flag on Windows/Linux and by wasOpenedAtLogin on macOS', () => {
    expect(startedAtLogin({ argv: ['/x/karpor-desktop', '--hidden'], platform: 'linux' })).toBe(true);
    expect(startedAtLogin({ argv: ['/x/karpor-desktop'], platform: 'win32' })).toBe(false);
    expect(startedAtLogin({ argv: ['/x/Karpor Desktop'], platform: 'darwin', wasOpenedAtLogin: true })).toBe(true);
    expect(startedAtLogin({ argv: ['/x/Karpor Desktop', '--hidden'], platform: 'darwin', wasOpenedAtLogin: false })).toBe(false);
  });
});

describe('XDG autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when unset or relative', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/autostart/karpor-desktop.desktop');
    expect(autostartPath({}, '/home/u')).toBe('/home/u/.config/autostart/karpor-desktop.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/u')).toBe('/home/u/.config/autostart/karpor-desktop.desktop');
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArg('/usr/bin/karpor-desktop')).toBe('/usr/bin/karpor-desktop');
    expect(quoteExecArg('/opt/Karpor Desktop/karpor-desktop')).toBe('"/opt/Karpor Desktop/karpor-desktop"');
    expect(quoteExecArg('/home/u/$weird`"dir\\x')).toBe('"/home/u/\\$weird\\`\\"dir\\\\x"');
    expect(quoteExecArg('/home/u/100%')).toBe('/home/u/100%%');
  });

  it('is a complete entry that starts the app hidden', () => {
    expect(autostartEntry({ name: 'Karpor Desktop', comment: 'Port-forward to Karpor', command: installed, icon: 'karpor-desktop', wmClass: 'karpor-desktop' })).toBe([
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.0',
      'Name=Karpor Desktop',
      'Comment=Port-forward to Karpor',
      // The quoted argument's own backslash-free text needs no second escaping here.
      'Exec="/opt/Karpor Desktop/karpor-desktop" --hidden',
      'Icon=karpor-desktop',
      'Terminal=false',
      'StartupWMClass=karpor-desktop',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'));
  });

  it('escapes backslashes twice in Exec (argument quoting, then string escaping) and cannot be split by a newline', () => {
    const entry = autostartEntry({ name: 'K\nExec=evil', comment: 'c', command: { executable: '/a\\b', args: [] }, icon: 'i', wmClass: 'w' });
    expect(entry).toContain('Exec="/a\\\\\\\\b" --hidden\n');
    expect(entry.split('\n').filter((l) => l.startsWith('Exec='))).toHaveLength(1);
    expect(entry).toContain('Name=K\\nExec=evil\n');
  });
});
