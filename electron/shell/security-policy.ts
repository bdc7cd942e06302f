// App-wide deny rules, applied to every web contents the app ever creates (Electron security
// checklist): no new windows, no navigation off the allow-list, no <webview>, no permissions.
// The allow-list is per window: the app's windows get the app's rules, a window that shows other
// pages (the dashboard) registers its own rule with setWindowNavigationRule.
import { app, session } from 'electron';
import { createNavigationRegistry, defaultNavigationRules, isNavigationAllowed, type NavigationRule } from './navigation-policy.ts';

const windowRules = createNavigationRegistry();

export interface RuleOwner {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The rule for one web contents, in place of the app's; forgotten when the contents is destroyed. */
export function setWindowNavigationRule(contents: RuleOwner, rule: NavigationRule): void {
  windowRules.set(contents.id, rule);
  contents.once('destroyed', () => windowRules.delete(contents.id));
}

export function applySecurityPolicy(options: { navigationRules?: readonly NavigationRule[] } = {}): void {
  const appRules = options.navigationRules ?? defaultNavigationRules;
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Looked up at each navigation: a window registers its rule after Electron announces its contents.
    const guard = (event: { preventDefault(): void }, url: string): void => {
      if (!isNavigationAllowed(url, windowRules.rulesFor(contents.id, appRules))) event.preventDefault();
    };
    contents.on('will-navigate', (event, url) => guard(event, url));
    contents.on('will-redirect', (event, url) => guard(event, url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
