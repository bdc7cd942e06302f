import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGnome, traySupport } from '../../electron/desktop/tray-support.ts';
import { parseNameHasOwner, probeStatusNotifierWatcher } from '../../electron/desktop/status-notifier-probe.ts';

describe('traySupport', () => {
  const gnome = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' };
  it('is always available on macOS and Windows', () => {
    expect(traySupport({ platform: 'darwin', env: gnome, watcherPresent: false })).toEqual({ available: true });
    expect(traySupport({ platform: 'win32', env: {}, watcherPresent: null })).toEqual({ available: true });
  });
  it('follows the StatusNotifierWatcher on Linux', () => {
    expect(traySupport({ platform: 'linux', env: gnome, watcherPresent: true })).toEqual({ available: true });
    expect(traySupport({ platform: 'linux', env: gnome, watcherPresent: false })).toEqual({ available: false, messageKey: 'desktop.noTray.gnome' });
    expect(traySupport({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'sway' }, watcherPresent: false })).toEqual({ available: false, messageKey: 'desktop.noTray.other' });
  });
  it('treats "could not tell" as no tray only on GNOME', () => {
    expect(traySupport({ platform: 'linux', env: gnome, watcherPresent: null })).toEqual({ available: false, messageKey: 'desktop.noTray.gnome' });
    expect(traySupport({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'KDE' }, watcherPresent: null })).toEqual({ available: true });
  });
  it('recognises GNOME sessions by XDG_CURRENT_DESKTOP or DESKTOP_SESSION', () => {
    expect(isGnome({ XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(true);
    expect(isGnome({ DESKTOP_SESSION: 'gnome-xorg' })).toBe(true);
    expect(isGnome({ XDG_CURRENT_DESKTOP: 'KDE', DESKTOP_SESSION: 'plasma' })).toBe(false);
  });
});

describe('probeStatusNotifierWatcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-gdbus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fakeGdbus = (name: string, body: string): string => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it('parses gdbus answers', () => {
    expect(parseNameHasOwner('(true,)\n')).toBe(true);
    expect(parseNameHasOwner('(false,)\n')).toBe(false);
    expect(parseNameHasOwner('Error: no bus')).toBe(null);
  });

  it('asks NameHasOwner for the watcher and reads the reply', async () => {
    const gdbus = fakeGdbus('yes', 'case "$*" in *NameHasOwner*org.kde.StatusNotifierWatcher*) echo "(true,)";; *) exit 3;; esac');
    expect(await probeStatusNotifierWatcher({ gdbus })).toBe(true);
    expect(await probeStatusNotifierWatcher({ gdbus: fakeGdbus('no', 'echo "(false,)"') })).toBe(false);
  });

  it('answers null when it cannot tell: no session bus, missing tool, or a hang', async () => {
    expect(await probeStatusNotifierWatcher({ gdbus: fakeGdbus('nobus', 'echo "Error: Cannot autolaunch D-Bus" >&2; exit 1') })).toBe(null);
    expect(await probeStatusNotifierWatcher({ gdbus: join(dir, 'missing') })).toBe(null);
    const started = Date.now();
    expect(await probeStatusNotifierWatcher({ gdbus: fakeGdbus('hang', 'exec sleep 20'), timeoutMs: 300 })).toBe(null);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
