// Where a web page of the app may navigate. Pure: the security policy asks it on every
// will-navigate / will-redirect. Windows that show other pages (the dashboard) register their own
// rule for their web contents; every other web contents gets the app's rules.
import { isAppUrl } from './app-origin.ts';

export type NavigationRule = (url: string) => boolean;

/** The app's own pages; nothing else by default. */
export const defaultNavigationRules: readonly NavigationRule[] = [isAppUrl];

export function isNavigationAllowed(url: string, rules: readonly NavigationRule[] = defaultNavigationRules): boolean {
  return rules.some((rule) => rule(url));
}

/**
 * Windows' own rules, keyed by web contents id. A window's rule replaces the app's rules for that
 * window only, so a dashboard window may move within the dashboard while the app window may not.
 */
export interface NavigationRegistry {
  set(contentsId: number, rule: NavigationRule): void;
  delete(contentsId: number): void;
  /** The rules that decide for one web contents: its own, or else `appRules`. */
  rulesFor(contentsId: number, appRules?: readonly NavigationRule[]): readonly NavigationRule[];
}

export function createNavigationRegistry(): NavigationRegistry {
  const own = new Map<number, NavigationRule>();
  return {
    set: (id, rule) => void own.set(id, rule),
    delete: (id) => void own.delete(id),
    rulesFor: (id, appRules = defaultNavigationRules) => {
      const rule = own.get(id);
      return rule ? [rule] : appRules;
    },
  };
}
