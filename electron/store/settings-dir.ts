// Where settings live when nobody says otherwise: the folder Electron's app.getPath('userData')
// gives an app named "karpor-desktop", so the CLI and the app share one settings file.
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'karpor-desktop';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export function defaultSettingsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  return env.KARPOR_DESKTOP_SETTINGS_DIR || path.join(appDataDir(env, platform, home), APP_DIR_NAME);
}
