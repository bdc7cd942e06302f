// Applies the launch-at-login setting: Electron's login items on macOS and Windows, an XDG autostart
// file on Linux (Electron has no login items there). Called at start-up too, so a moved AppImage or
// an updated install path is written again.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { autostartEntry, autostartPath, loginItemSettings, type LaunchCommand, type LoginItemSettings } from './login-item.ts';

export interface LaunchAtLoginDeps {
  platform: NodeJS.Platform;
  app: { setLoginItemSettings(settings: LoginItemSettings): void };
  command: LaunchCommand;
  env: { XDG_CONFIG_HOME?: string };
  homeDir: string;
  /** Shown in desktop session settings ("Startup Applications"). */
  entry: { name: string; comment: string; icon: string; wmClass: string };
}

export async function applyLaunchAtLogin(enabled: boolean, deps: LaunchAtLoginDeps): Promise<{ autostartFile?: string }> {
  if (deps.platform !== 'linux') {
    deps.app.setLoginItemSettings(loginItemSettings(enabled, deps.platform, deps.command));
    return {};
  }
  const file = autostartPath(deps.env, deps.homeDir);
  if (!enabled) {
    await rm(file, { force: true });
    return { autostartFile: file };
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, autostartEntry({ ...deps.entry, command: deps.command }), { mode: 0o644 });
  return { autostartFile: file };
}
