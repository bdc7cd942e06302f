// Launch at login, decided here and applied by launch-at-login.ts: what to hand Electron on macOS and
// Windows, the XDG autostart entry on Linux, and whether this launch came from login (start hidden).
import { join } from 'node:path';
import { DESKTOP_NAME } from './app-identity.ts';

/** Passed on the login command line (Windows, Linux) so the app knows to start in the tray. */
export const HIDDEN_FLAG = '--hidden';

/** File name in the autostart folder; matches package.json's desktopName so docks see one app. */
export const AUTOSTART_FILE = `${DESKTOP_NAME}.desktop`;

/** The subset of Electron's `Settings` for `app.setLoginItemSettings` this app uses. */
export interface LoginItemSettings {
  openAtLogin: boolean;
  path?: string;
  args?: string[];
}

export interface LaunchCommand {
  /** The program to start: the AppImage file, the installed binary, or Electron in development. */
  executable: string;
  /** Arguments before the hidden flag: the app folder when running unpackaged Electron. */
  args: string[];
}

/**
 * The command that starts this app again. An AppImage runs from a fresh mount point each time, so its
 * `process.execPath` is useless later: the AppImage file itself (`$APPIMAGE`) is what must be started.
 */
export function launchCommand(input: { execPath: string; appImage?: string; packaged: boolean; appPath: string }): LaunchCommand {
  if (input.appImage) return { executable: input.appImage, args: [] };
  return { executable: input.execPath, args: input.packaged ? [] : [input.appPath] };
}

/**
 * macOS starts login items itself and reports it (`wasOpenedAtLogin`), so no arguments are needed
 * there (Electron ignores `args` on macOS); Windows starts the registered command line.
 */
export function loginItemSettings(enabled: boolean, platform: NodeJS.Platform, command: LaunchCommand): LoginItemSettings {
  if (platform === 'win32') return { openAtLogin: enabled, path: command.executable, args: [...command.args, HIDDEN_FLAG] };
  return { openAtLogin: enabled };
}

export function startedAtLogin(input: { argv: readonly string[]; platform: NodeJS.Platform; wasOpenedAtLogin?: boolean }): boolean {
  if (input.platform === 'darwin') return input.wasOpenedAtLogin === true;
  return input.argv.includes(HIDDEN_FLAG);
}

/** `$XDG_CONFIG_HOME/autostart`, with the spec's fallback `~/.config` when it is unset or not absolute. */
export function autostartPath(env: { XDG_CONFIG_HOME?: string }, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

/**
 * One argument of an Exec key, quoted as the Desktop Entry spec requires: arguments with reserved
 * characters go in double quotes with `"`, `` ` ``, `$` and `\` backslash-escaped, and `%` doubled.
 */
export function quoteExecArg(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`=]/.test(percent) && percent !== '') return percent;
  return `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** Escapes a value for a desktop entry string key (the spec's \s \n \t \r \\ escapes). */
function entryValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

export function autostartEntry(input: { name: string; comment: string; command: LaunchCommand; icon: string; wmClass: string }): string {
  const exec = [input.command.executable, ...input.command.args, HIDDEN_FLAG].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${entryValue(input.name)}`,
    `Comment=${entryValue(input.comment)}`,
    // Exec is itself a string key: the quoted command line is escaped once more.
    `Exec=${entryValue(exec)}`,
    `Icon=${entryValue(input.icon)}`,
    'Terminal=false',
    `StartupWMClass=${entryValue(input.wmClass)}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
