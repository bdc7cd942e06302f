// Every channel, through the real dispatcher and real services, refuses malformed input with
// BAD_REQUEST and changes nothing.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { channelNames, type Channel } from '../../../electron/ipc/contract.ts';
import { createServices, type Services } from '../../../electron/services.ts';
import { kubeconfigYaml, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

const huge = 'x'.repeat(1_000_000);
const pollution = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

/** Malformed for any channel: not an object, or an object with keys no channel accepts. */
const generic: [string, unknown][] = [
  ['null', null], ['a number', 42], ['NaN', Number.NaN], ['a string', 'input'], ['a huge string', huge], ['true', true],
  ['an empty array', []], ['an array of objects', [{}]], ['prototype-pollution keys', pollution()],
  ['unknown keys', { channel: 'x', extra: 1 }],
];

function perChannel(kubeconfig: string): Partial<Record<Channel, [string, unknown][]>> {
  const profile = { name: 'p', kubeconfigPath: kubeconfig, context: 'prod' };
  return {
    'kube:contexts': [['a number path', { kubeconfigPath: 5 }], ['an empty path', { kubeconfigPath: '' }], ['a huge path', { kubeconfigPath: huge }], ['an extra key', { kubeconfigPath: kubeconfig, x: 1 }]],
    'profiles:save': [
      ['no fields', {}], ['a missing context', { name: 'p', kubeconfigPath: null }], ['a missing name', { kubeconfigPath: null, context: 'c' }],
      ['a string port', { ...profile, localPort: '7443' }], ['port 0', { ...profile, localPort: 0 }], ['port 65536', { ...profile, servicePort: 65536 }],
      ['a fractional port', { ...profile, localPort: 7443.5 }], ['a blank name', { ...profile, name: '   ' }], ['a huge name', { ...profile, name: huge }],
      ['an invalid namespace', { ...profile, namespace: 'Not_A_Namespace' }], ['a namespace of 64 chars', { ...profile, namespace: 'a'.repeat(64) }],
      ['a number kubeconfigPath', { ...profile, kubeconfigPath: 1 }], ['an extra key', { ...profile, token: 'abc' }],
      ['pollution inside a valid profile', { ...(pollution() as object), ...profile }], ['an empty id', { ...profile, id: '' }],
    ],
    'profiles:delete': [['no id', {}], ['a number id', { id: 5 }], ['an empty id', { id: '' }], ['a 65-char id', { id: 'a'.repeat(65) }], ['an extra key', { id: 'a', force: true }]],
    'profiles:activate': [['no id', {}], ['a null id', { id: null }], ['an array id', { id: ['a'] }]],
    'preferences:update': [['an unknown preference', { colour: 'red' }], ['a wrong enum', { theme: 'neon' }], ['a string boolean', { launchAtLogin: 'yes' }], ['a null', { keepTokens: null }]],
  };
}

describe('malformed payloads on every channel', () => {
  let tmp: TempDir;
  let services: Services;
  let dispatch: Dispatch;
  let settingsFile: string;
  let kubeconfig: string;
  let profileId: string;

  beforeAll(() => {
    tmp = tempDir();
    kubeconfig = tmp.write('kubeconfig', kubeconfigYaml());
    services = createServices({ settingsDir: path.join(tmp.dir, 's'), version: '1.0.0', homeDir: tmp.dir, getEnv: () => ({}) });
    dispatch = createDispatcher(createHandlers(services), { transport: 'electron' }, { log: () => undefined });
    // State that a wrongly accepted delete/activate/update would change.
    profileId = services.settings.saveProfile({ name: 'A', kubeconfigPath: kubeconfig, context: 'prod' }).id;
    services.settings.saveProfile({ name: 'B', kubeconfigPath: kubeconfig, context: 'prod', localPort: 7444 });
    settingsFile = path.join(tmp.dir, 's', 'settings.json');
  });
  afterAll(() => tmp.cleanup());
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  for (const channel of channelNames) {
    it(`${channel} refuses each malformed payload with BAD_REQUEST and changes nothing`, async () => {
      const cases = [...generic, ...(perChannel(kubeconfig)[channel] ?? [])];
      const before = readFileSync(settingsFile);
      const viewBefore = services.settings.get();
      for (const [what, payload] of cases) {
        const r = await dispatch(channel, payload);
        expect(r.ok, `${channel} accepted ${what}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${channel} with ${what}: ${r.error.message}`).toBe('BAD_REQUEST');
          expect(r.error.message.length).toBeLessThan(600);
        }
      }
      expect(readFileSync(settingsFile).equals(before)).toBe(true);
      expect(services.settings.get()).toEqual(viewBefore);
      expect(services.settings.get().settings.activeProfileId).toBe(profileId);
    });
  }
});
