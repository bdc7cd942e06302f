// Asks the session bus whether a StatusNotifierWatcher (the tray host) is running, with gdbus from
// GLib (present wherever GTK is, so wherever Electron runs on Linux). Null means "could not tell".
import { execFile } from 'node:child_process';

const WATCHER = 'org.kde.StatusNotifierWatcher';

export function parseNameHasOwner(stdout: string): boolean | null {
  const m = /^\s*\((true|false),?\)\s*$/.exec(stdout);
  return m ? m[1] === 'true' : null;
}

export function probeStatusNotifierWatcher(options: { timeoutMs?: number; gdbus?: string } = {}): Promise<boolean | null> {
  const args = ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus',
    '--method', 'org.freedesktop.DBus.NameHasOwner', WATCHER];
  return new Promise((resolve) => {
    execFile(options.gdbus ?? 'gdbus', args, { timeout: options.timeoutMs ?? 2000, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? null : parseNameHasOwner(stdout));
    });
  });
}
