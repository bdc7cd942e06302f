// Which icon file the tray and windows use, per forward state and platform. Pure, so the choice is
// tested without Electron; the files themselves are rendered by scripts/render-icons.ts.
import { join } from 'node:path';
import type { ForwardStatus } from '../forward/forward-state.ts';

export const trayIconStates = ['stopped', 'ready', 'reconnecting', 'error'] as const;
export type TrayIconState = (typeof trayIconStates)[number];

/** Square sizes of the app icon (Linux icon theme sizes; 512/1024 also feed the macOS and Windows icons). */
export const appIconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** Logical tray icon size; every tray file also has an `@2x` twin at twice this. */
export const trayIconSize = 16;

export function trayIconStateFor(status: ForwardStatus): TrayIconState {
  // "starting" is a connection in progress, which the user reads the same way as a reconnect.
  return status === 'starting' ? 'reconnecting' : status;
}

export interface IconLocation {
  /** `app.isPackaged`. */
  packaged: boolean;
  /** `process.resourcesPath`: packaged icons ship there as extraResources, outside the asar. */
  resourcesPath: string;
  /** `app.getAppPath()`: in development the repository root, where `build/` lives. */
  appPath: string;
}

export function trayIconDir(loc: IconLocation): string {
  return loc.packaged ? join(loc.resourcesPath, 'tray') : join(loc.appPath, 'build', 'tray');
}

/**
 * File name of the tray icon for a state. Electron loads the `@2x` twin of a path by itself
 * (macOS, Windows); macOS also needs the `Template` suffix to tint the icon for light and dark
 * menu bars. Linux indicator hosts scale one pixmap to the panel (22-24 px), so they get the
 * 32 px file directly: downscaling stays crisp where upscaling 16 px would blur.
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${state}Template.png`;
  if (platform === 'linux') return `${state}@2x.png`;
  return `${state}.png`;
}

export function trayIconPath(state: TrayIconState, platform: NodeJS.Platform, loc: IconLocation): string {
  return join(trayIconDir(loc), trayIconFile(state, platform));
}

/**
 * Icon for BrowserWindow on Linux and Windows (macOS takes the bundle's icon and ignores it).
 * Packaged builds ship it beside the tray icons; in development it comes from `build/icons`.
 */
export function windowIconPath(loc: IconLocation): string {
  return loc.packaged ? join(loc.resourcesPath, 'icons', '256x256.png') : join(loc.appPath, 'build', 'icons', '256x256.png');
}

/** Every file the tray needs in one directory, for the renderer script and the packaging test. */
export function trayIconFiles(): { file: string; size: number; template: boolean }[] {
  return trayIconStates.flatMap((state) => [
    { file: `${state}.png`, size: trayIconSize, template: false },
    { file: `${state}@2x.png`, size: trayIconSize * 2, template: false },
    { file: `${state}Template.png`, size: trayIconSize, template: true },
    { file: `${state}Template@2x.png`, size: trayIconSize * 2, template: true },
  ]);
}
