// Where a web page of the app may navigate. Pure: the security policy asks it on every
// will-navigate / will-redirect. Features that open other pages (the dashboard) add a rule.
import { isAppUrl } from './app-origin.ts';

export type NavigationRule = (url: string) => boolean;

/** The app's own pages; nothing else by default. */
export const defaultNavigationRules: readonly NavigationRule[] = [isAppUrl];

export function isNavigationAllowed(url: string, rules: readonly NavigationRule[] = defaultNavigationRules): boolean {
  return rules.some((rule) => rule(url));
}
