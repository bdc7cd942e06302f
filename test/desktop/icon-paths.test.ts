import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { trayIconPath, trayIconStateFor, trayIconStates, windowIconPath } from '../../electron/desktop/icon-paths.ts';

const root = resolve(import.meta.dirname, '../..');
const dev = { packaged: false, resourcesPath: '/unused', appPath: root };
const packaged = { packaged: true, resourcesPath: '/opt/Karpor Desktop/resources', appPath: '/opt/Karpor Desktop/resources/app.asar' };

describe('icon paths', () => {
  it('maps every forward status to a tray state; starting looks like reconnecting', () => {
    expect(['stopped', 'starting', 'ready', 'reconnecting', 'error'].map((s) => trayIconStateFor(s as Parameters<typeof trayIconStateFor>[0])))
      .toEqual(['stopped', 'reconnecting', 'ready', 'reconnecting', 'error']);
  });

  it('uses Template images on macOS, the 2x pixmap on Linux, the 1x file (with its @2x twin) on Windows', () => {
    expect(trayIconPath('ready', 'darwin', packaged)).toBe('/opt/Karpor Desktop/resources/tray/readyTemplate.png');
    expect(trayIconPath('ready', 'linux', packaged)).toBe('/opt/Karpor Desktop/resources/tray/ready@2x.png');
    expect(trayIconPath('error', 'win32', packaged)).toBe('/opt/Karpor Desktop/resources/tray/error.png');
    expect(windowIconPath(packaged)).toBe('/opt/Karpor Desktop/resources/icons/256x256.png');
  });

  it('points at files that exist in the repository during development', () => {
    for (const state of trayIconStates) {
      for (const platform of ['darwin', 'linux', 'win32'] as const) expect(existsSync(trayIconPath(state, platform, dev)), `${state} ${platform}`).toBe(true);
    }
    expect(existsSync(windowIconPath(dev))).toBe(true);
  });
});
