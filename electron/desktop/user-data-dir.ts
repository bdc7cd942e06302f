// Where the app keeps settings.json, the token vault and Chromium's profile. Same rule as the CLI's
// defaultSettingsDir (store/settings-dir.ts): KARPOR_DESKTOP_SETTINGS_DIR wins, so `npm run demo` and
// tests never touch the user's real settings; otherwise the CLI's folder, but under Electron's own
// appData (Windows resolves it through the shell API, which the CLI can only approximate).
import path from 'node:path';
import { APP_DIR_NAME } from '../store/settings-dir.ts';

export function userDataDir(env: { KARPOR_DESKTOP_SETTINGS_DIR?: string }, appDataDir: string): string {
  return env.KARPOR_DESKTOP_SETTINGS_DIR || path.join(appDataDir, APP_DIR_NAME);
}
