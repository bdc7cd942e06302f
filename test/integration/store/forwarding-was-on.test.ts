// The "forwarding was on" preference was added to schema version 1 with a default: files written
// before it existed (and pre-release files) stay valid, with no reset and no backup.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openSettingsFile } from '../../../electron/store/settings-file.ts';
import { tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

describe('settings files written before forwardingWasOn', () => {
  let tmp: TempDir;
  beforeEach(() => { tmp = tempDir(); });
  afterEach(() => tmp.cleanup());
  const file = () => path.join(tmp.dir, 'settings.json');
  const backups = () => readdirSync(tmp.dir).filter((f) => f !== 'settings.json');

  it('reads a version 1 file without it as "was on" and keeps the other preferences', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, profiles: [], activeProfileId: null, preferences: { startForwardingOnLaunch: false, launchAtLogin: true } }));
    const settings = openSettingsFile({ dir: tmp.dir });
    expect(settings.read().preferences).toMatchObject({ forwardingWasOn: true, startForwardingOnLaunch: false, launchAtLogin: true });
    expect(settings.notices).toEqual([]);
    expect(backups()).toEqual([]);
  });

  it('migrates a pre-release file to "was on"', () => {
    writeFileSync(file(), JSON.stringify({ context: 'kind-karpor', autoForward: false }));
    const settings = openSettingsFile({ dir: tmp.dir });
    expect(settings.read().preferences).toMatchObject({ forwardingWasOn: true, startForwardingOnLaunch: false });
    expect(backups()).toEqual([]);
  });

  it('keeps a stored value', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, profiles: [], activeProfileId: null, preferences: { forwardingWasOn: false } }));
    expect(openSettingsFile({ dir: tmp.dir }).read().preferences.forwardingWasOn).toBe(false);
  });
});
