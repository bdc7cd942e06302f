// Whether a tray icon can be seen. Electron on Linux shows tray icons through the StatusNotifierItem
// D-Bus protocol; without a watcher on the session bus (stock GNOME lacks one until the AppIndicator
// extension is installed) `new Tray()` succeeds but nothing appears, so it has to be asked.

export type TraySupport =
  | { available: true }
  | { available: false; /** i18n key of the explanation shown in the window. */ messageKey: NoTrayMessageKey };

export const noTrayMessageKeys = ['desktop.noTray.gnome', 'desktop.noTray.other'] as const;
export type NoTrayMessageKey = (typeof noTrayMessageKeys)[number];

export function isGnome(env: { XDG_CURRENT_DESKTOP?: string; DESKTOP_SESSION?: string }): boolean {
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':');
  return desktops.includes('gnome') || (env.DESKTOP_SESSION ?? '').toLowerCase().startsWith('gnome');
}

/**
 * `watcherPresent`: whether `org.kde.StatusNotifierWatcher` has an owner on the session bus, or null
 * when that could not be found out (no D-Bus tools). Unknown counts as "no tray" only on GNOME, the
 * one common desktop that ships without a watcher; elsewhere one is almost always there.
 */
export function traySupport(input: {
  platform: NodeJS.Platform;
  env: { XDG_CURRENT_DESKTOP?: string; DESKTOP_SESSION?: string };
  watcherPresent: boolean | null;
}): TraySupport {
  if (input.platform !== 'linux') return { available: true };
  if (input.watcherPresent === true) return { available: true };
  const gnome = isGnome(input.env);
  if (input.watcherPresent === null && !gnome) return { available: true };
  return { available: false, messageKey: gnome ? 'desktop.noTray.gnome' : 'desktop.noTray.other' };
}
