import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openSettingsFile } from '../../../electron/store/settings-file.ts';
import { defaultSettings } from '../../../electron/store/settings-schema.ts';
import { tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

describe('settings file (conf on disk)', () => {
  let tmp: TempDir;
  const now = () => new Date('2026-01-02T03:04:05.678Z');
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());
  const file = () => path.join(tmp.dir, 'settings.json');
  const backups = () => readdirSync(tmp.dir).filter((f) => f.startsWith('settings.json.corrupt-'));

  it('creates the file with defaults and mode 0600', () => {
    const settings = openSettingsFile({ dir: tmp.dir, now });
    expect(settings.read()).toEqual(defaultSettings());
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(settings.notices).toEqual([]);
  });

  it('keeps mode 0600 after writes', () => {
    const settings = openSettingsFile({ dir: tmp.dir, now });
    settings.write({ ...defaultSettings(), activeProfileId: null, preferences: { ...defaultSettings().preferences, theme: 'dark' } });
    expect(JSON.parse(readFileSync(file(), 'utf8')).preferences.theme).toBe('dark');
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('refuses to write settings that do not match the schema, leaving the file as it was', () => {
    const settings = openSettingsFile({ dir: tmp.dir, now });
    const before = readFileSync(file());
    expect(() => settings.write({ ...defaultSettings(), activeProfileId: 42 as unknown as string })).toThrow();
    expect(readFileSync(file())).toEqual(before);
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{"schemaVersion": 1, "profiles": [', /was not valid JSON/],
    ['a JSON array', '[]', /did not hold a settings object/],
    ['hand-edited with a wrong type', JSON.stringify({ ...defaultSettings(), activeProfileId: 7 }), /did not match the expected format \("activeProfileId"/],
    ['hand-edited with an unknown key', JSON.stringify({ ...defaultSettings(), token: 'x' }), /unexpected field "token"/],
    ['from a newer version', JSON.stringify({ ...defaultSettings(), schemaVersion: 99 }), /written by a newer Karpor Desktop \(settings version 99\)/],
  ];
  for (const [what, content, says] of broken) {
    it(`backs up and resets a file that is ${what}, with a notice`, () => {
      writeFileSync(file(), content, { mode: 0o644 });
      const settings = openSettingsFile({ dir: tmp.dir, now });
      expect(settings.read()).toEqual(defaultSettings());
      const backup = path.join(tmp.dir, 'settings.json.corrupt-2026-01-02T03-04-05-678Z');
      expect(backups()).toEqual([path.basename(backup)]);
      expect(readFileSync(backup, 'utf8')).toBe(content);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(settings.notices).toHaveLength(1);
      expect(settings.notices[0]).toMatch(says);
      expect(settings.notices[0]).toContain(backup);
    });
  }

  it('migrates a pre-release file in place without a backup', () => {
    writeFileSync(file(), JSON.stringify({ context: 'kind-karpor', localPort: 9443 }));
    const settings = openSettingsFile({ dir: tmp.dir, now });
    expect(settings.read().profiles[0]).toMatchObject({ context: 'kind-karpor', localPort: 9443 });
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(1);
    expect(backups()).toEqual([]);
    expect(settings.notices).toEqual([]);
  });

  it('reads a valid current file unchanged', () => {
    const content = `${JSON.stringify({ ...defaultSettings(), activeProfileId: null }, null, '\t')}`;
    writeFileSync(file(), content);
    expect(openSettingsFile({ dir: tmp.dir, now }).read()).toEqual(defaultSettings());
    expect(existsSync(file())).toBe(true);
    expect(backups()).toEqual([]);
  });
});
