import type { Preferences } from '../../../electron/store/settings-schema.ts';

export type ThemeMode = 'light' | 'dark';

export function resolveTheme(preference: Preferences['theme'], systemPrefersDark: boolean): ThemeMode {
  if (preference !== 'system') return preference;
  return systemPrefersDark ? 'dark' : 'light';
}
