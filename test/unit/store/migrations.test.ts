import { describe, expect, it } from 'vitest';
import { migrateSettings, migrations, readSchemaVersion } from '../../../electron/store/migrations.ts';
import { SETTINGS_VERSION, settingsSchema } from '../../../electron/store/settings-schema.ts';

/** One sample file per earlier version: each must come out as valid current settings. */
const samples: Record<number, Record<string, unknown>[]> = {
  0: [
    {},
    { kubeconfig: '/home/ada/.kube/config', context: 'kind-karpor', karporNamespace: 'karpor-system', karporService: 'karpor', remotePort: 8443, localPort: 9443, openAtLogin: true, autoForward: false },
    { context: 'prod' },
    { kubeconfig: '', context: '', remotePort: 'not a number' },
  ],
};

describe('settings migrations', () => {
  it('form one ordered chain ending at the current version', () => {
    expect(migrations[0]?.from).toBe(0);
    for (let i = 1; i < migrations.length; i++) expect(migrations[i]?.from).toBe(migrations[i - 1]?.to);
    expect(migrations.at(-1)?.to).toBe(SETTINGS_VERSION);
  });

  it('have a sample for every earlier version', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(samples[v]?.length ?? 0).toBeGreaterThan(0);
  });

  for (let version = 0; version < SETTINGS_VERSION; version++) {
    it(`take every version ${version} sample to valid current settings`, () => {
      for (const sample of samples[version] ?? []) {
        expect(readSchemaVersion(sample)).toBe(version);
        const before = structuredClone(sample);
        const result = settingsSchema.safeParse(migrateSettings(sample, version));
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
        expect(sample).toEqual(before); // pure: the input is not touched
      }
    });
  }

  it('turn the pre-release flat connection into the active profile', () => {
    const out = settingsSchema.parse(migrateSettings(samples[0]![1]!, 0));
    expect(out.profiles).toEqual([{ id: 'migrated', name: 'kind-karpor', kubeconfigPath: '/home/ada/.kube/config', context: 'kind-karpor', namespace: 'karpor-system', service: 'karpor', servicePort: 8443, localPort: 9443 }]);
    expect(out.activeProfileId).toBe('migrated');
    expect(out.preferences).toMatchObject({ launchAtLogin: true, startForwardingOnLaunch: false });
  });

  it('keep nothing of a pre-release file without a context', () => {
    expect(settingsSchema.parse(migrateSettings({}, 0)).profiles).toEqual([]);
  });

  it('read the version, refusing a malformed one', () => {
    expect(readSchemaVersion({ schemaVersion: 1 })).toBe(1);
    expect(readSchemaVersion({ schemaVersion: '1' })).toBeNull();
    expect(readSchemaVersion({ schemaVersion: -1 })).toBeNull();
  });

  it('fail loudly on a gap in the chain', () => {
    expect(() => migrateSettings({}, 0, [])).toThrow(/no settings migration from version 0/);
  });
});
