// App-wide deny rules, applied to every web contents the app ever creates (Electron security
// checklist): no new windows, no navigation off the allow-list, no <webview>, no permissions.
import { app, session } from 'electron';
import { defaultNavigationRules, isNavigationAllowed, type NavigationRule } from './navigation-policy.ts';

export function applySecurityPolicy(options: { navigationRules?: readonly NavigationRule[] } = {}): void {
  const rules = options.navigationRules ?? defaultNavigationRules;
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const guard = (event: { preventDefault(): void }, url: string): void => {
      if (!isNavigationAllowed(url, rules)) event.preventDefault();
    };
    contents.on('will-navigate', (event, url) => guard(event, url));
    contents.on('will-redirect', (event, url) => guard(event, url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
