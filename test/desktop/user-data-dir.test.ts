import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { userDataDir } from '../../electron/desktop/user-data-dir.ts';
import { defaultSettingsDir } from '../../electron/store/settings-dir.ts';

describe('userDataDir', () => {
  it('is the CLI\'s settings folder: KARPOR_DESKTOP_SETTINGS_DIR first, else karpor-desktop under appData', () => {
    expect(userDataDir({ KARPOR_DESKTOP_SETTINGS_DIR: '/tmp/demo' }, '/home/u/.config')).toBe('/tmp/demo');
    expect(userDataDir({}, '/home/u/.config')).toBe(path.join('/home/u/.config', 'karpor-desktop'));
    expect(userDataDir({ KARPOR_DESKTOP_SETTINGS_DIR: '' }, '/home/u/.config')).toBe(path.join('/home/u/.config', 'karpor-desktop'));
    // The same answers as the CLI's rule on Linux, where both read XDG_CONFIG_HOME.
    for (const env of [{ KARPOR_DESKTOP_SETTINGS_DIR: '/tmp/demo' }, { XDG_CONFIG_HOME: '/x' }]) {
      expect(userDataDir(env, env.XDG_CONFIG_HOME ?? '/home/u/.config')).toBe(defaultSettingsDir(env, 'linux', '/home/u'));
    }
  });
});
