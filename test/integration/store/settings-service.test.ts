import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../../../electron/services.ts';
import { AppError } from '../../../electron/ipc/app-error.ts';
import type { SettingsView } from '../../../electron/store/settings-service.ts';
import { badKubeconfigs, kubeconfigYaml, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

describe('settings service (real files, real kubeconfigs)', () => {
  let tmp: TempDir;
  let services: Services;
  let kubeconfig: string;
  beforeEach(() => {
    tmp = tempDir();
    kubeconfig = tmp.write('kubeconfig', kubeconfigYaml());
    services = createServices({ settingsDir: path.join(tmp.dir, 'settings'), version: '1.0.0', homeDir: tmp.dir, getEnv: () => ({}) });
  });
  afterEach(() => tmp.cleanup());
  const fileBytes = () => readFileSync(path.join(tmp.dir, 'settings', 'settings.json'));
  const save = (name: string, extra: object = {}) => services.settings.saveProfile({ name, kubeconfigPath: kubeconfig, context: 'prod', ...extra });

  it('assigns an id, applies defaults and makes the first profile active', () => {
    const first = save('Prod');
    expect(first).toMatchObject({ name: 'Prod', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    const second = save('Prod 2', { localPort: 7444 });
    const { settings } = services.settings.get();
    expect(settings.profiles.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(settings.activeProfileId).toBe(first.id);
    expect(JSON.parse(fileBytes().toString()).profiles).toHaveLength(2);
  });

  it('updates an existing profile by id', () => {
    const p = save('Prod');
    services.settings.saveProfile({ ...p, context: 'kind-karpor' });
    expect(services.settings.get().settings.profiles).toEqual([{ ...p, context: 'kind-karpor' }]);
  });

  it('refuses an unknown id, a duplicate name, and an unknown context without touching the file', () => {
    save('Prod');
    const before = fileBytes();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof AppError ? err.code : 'not an AppError';
      }
      return 'no error';
    };
    expect(code(() => save('X', { id: 'nope' }))).toBe('NOT_FOUND');
    expect(code(() => save('X', { localPort: 0 }))).toBe('BAD_REQUEST');
    expect(code(() => services.settings.updatePreferences({ theme: 'neon' as 'dark' }))).toBe('BAD_REQUEST');
    expect(code(() => save('Prod'))).toBe('CONFLICT');
    expect(code(() => save('Y', { context: 'staging' }))).toBe('KUBECONFIG_INVALID');
    expect(code(() => save('Z', { kubeconfigPath: path.join(tmp.dir, 'missing') }))).toBe('KUBECONFIG_INVALID');
    for (const bad of badKubeconfigs) expect(code(() => save(bad.name, { kubeconfigPath: tmp.write(bad.name, bad.content) }))).toBe('KUBECONFIG_INVALID');
    expect(fileBytes()).toEqual(before);
  });

  it('activates and deletes, moving "active" to the next profile', () => {
    const a = save('A');
    const b = save('B', { localPort: 7444 });
    expect(services.settings.activateProfile(b.id)).toEqual(b);
    expect(services.settings.get().settings.activeProfileId).toBe(b.id);
    expect(services.settings.deleteProfile(b.id)).toBe(true);
    expect(services.settings.get().settings.activeProfileId).toBe(a.id);
    expect(services.settings.deleteProfile(b.id)).toBe(false);
    expect(services.settings.deleteProfile(a.id)).toBe(true);
    expect(services.settings.get().settings).toMatchObject({ profiles: [], activeProfileId: null });
  });

  it('patches preferences, leaving the others alone', () => {
    expect(services.settings.updatePreferences({ theme: 'dark', language: undefined })).toMatchObject({ theme: 'dark', language: 'system', keepTokens: true });
    expect(services.settings.get().settings.preferences.theme).toBe('dark');
    // A one-key patch must not put the others back to their defaults.
    services.settings.updatePreferences({ keepTokens: false, launchAtLogin: true });
    expect(services.settings.updatePreferences({ language: 'zh-CN' })).toMatchObject({ startForwardingOnLaunch: true, launchAtLogin: true, language: 'zh-CN', theme: 'dark', keepTokens: false });
  });

  it('tells listeners and the event bus about every change', () => {
    const seen: SettingsView[] = [];
    const events: string[] = [];
    services.settings.onChange((v) => seen.push(v));
    services.events.subscribe((name) => events.push(name));
    save('A');
    services.settings.updatePreferences({ theme: 'light' });
    expect(seen.map((v) => v.settings.profiles.length)).toEqual([1, 1]);
    expect(events).toEqual(['settings:changed', 'settings:changed']);
  });

  it('keeps profiles across a restart', () => {
    const a = save('A');
    const again = createServices({ settingsDir: path.join(tmp.dir, 'settings'), version: '1.0.0', homeDir: tmp.dir, getEnv: () => ({}) });
    expect(again.settings.get().settings.profiles).toEqual([a]);
  });
});
