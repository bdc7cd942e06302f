// Profiles and preferences: every change is validated, written through the settings file and
// announced to listeners. A refused change leaves the file untouched.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../ipc/app-error.ts';
import { profileInputSchema, preferencesPatchSchema, type Preferences, type PreferencesPatch, type Profile, type ProfileInput, type Settings } from './settings-schema.ts';
import type { SettingsFile } from './settings-file.ts';
import { describeIssues } from '../ipc/describe-issues.ts';

export interface SettingsView {
  settings: Settings;
  notices: string[];
}

export interface SettingsService {
  get(): SettingsView;
  saveProfile(input: ProfileInput): Profile;
  /** `false` when no profile had that id (deleting twice is not an error). */
  deleteProfile(id: string): boolean;
  activateProfile(id: string): Profile;
  updatePreferences(patch: PreferencesPatch): Preferences;
  onChange(listener: (view: SettingsView) => void): () => void;
}

export interface SettingsServiceDeps {
  file: SettingsFile;
  /** Refuses (KUBECONFIG_INVALID) a kubeconfig/context pair that kubectl could not use. */
  assertContext: (kubeconfigPath: string | null, context: string) => void;
  newId?: () => string;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const newId = deps.newId ?? (() => randomUUID());
  const listeners = new Set<(view: SettingsView) => void>();
  let current = deps.file.read();

  const view = (): SettingsView => ({ settings: structuredClone(current), notices: [...deps.file.notices] });
  const commit = (next: Settings): void => {
    deps.file.write(next);
    current = deps.file.read();
    const snapshot = view();
    for (const listener of [...listeners]) listener(snapshot);
  };
  const findProfile = (id: string): Profile => {
    const profile = current.profiles.find((p) => p.id === id);
    if (!profile) throw new AppError('NOT_FOUND', `There is no profile with id "${id}".`, { hint: 'It may have been deleted; reload the profile list.' });
    return profile;
  };

  return {
    get: view,
    saveProfile(rawInput) {
      const input = validate(profileInputSchema, rawInput, 'profile');
      if (input.id !== undefined) findProfile(input.id);
      const clash = current.profiles.find((p) => p.name === input.name && p.id !== input.id);
      if (clash) throw new AppError('CONFLICT', `A profile named "${input.name}" already exists.`, { hint: 'Choose another name, or edit that profile.' });
      deps.assertContext(input.kubeconfigPath, input.context);

      const profile: Profile = { ...input, id: input.id ?? newId() };
      const profiles = input.id === undefined
        ? [...current.profiles, profile]
        : current.profiles.map((p) => (p.id === profile.id ? profile : p));
      commit({ ...current, profiles, activeProfileId: current.activeProfileId ?? profile.id });
      return profile;
    },
    deleteProfile(id) {
      if (!current.profiles.some((p) => p.id === id)) return false;
      const profiles = current.profiles.filter((p) => p.id !== id);
      const activeProfileId = current.activeProfileId === id ? (profiles[0]?.id ?? null) : current.activeProfileId;
      commit({ ...current, profiles, activeProfileId });
      return true;
    },
    activateProfile(id) {
      const profile = findProfile(id);
      if (current.activeProfileId !== id) commit({ ...current, activeProfileId: id });
      return profile;
    },
    updatePreferences(patch) {
      // An explicit `undefined` means "leave as is", not "reset to the default".
      const changes = Object.entries(validate(preferencesPatchSchema, patch, 'preferences')).filter(([, v]) => v !== undefined);
      const preferences: Preferences = { ...current.preferences, ...Object.fromEntries(changes) };
      commit({ ...current, preferences });
      return preferences;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Callers other than the dispatcher (the CLI) get the same BAD_REQUEST the IPC boundary gives. */
function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('BAD_REQUEST', `Invalid ${what}: ${describeIssues(result.error.issues)}.`);
  return result.data;
}
