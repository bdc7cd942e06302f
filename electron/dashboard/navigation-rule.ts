// Where the dashboard window may go: it stays on the dashboard's own origin; other https links are
// the user's business and open in the system browser; every other scheme (http, file, javascript,
// data, custom protocols) is refused, so the page cannot reach anything local through the window.
import { isDashboardOrigin } from './certificate-rule.ts';

export type NavigationDecision = 'stay' | 'external' | 'deny';

export function decideNavigation(rawUrl: string, localPort: number): NavigationDecision {
  if (isDashboardOrigin(rawUrl, localPort)) return 'stay';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'deny';
  }
  // Credentials in a link are a phishing trick, not something to hand to the system browser.
  if (url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '') return 'external';
  return 'deny';
}

/** The dashboard's own origin for a local port, with the path the user wants (always a path, never a token). */
export function dashboardUrl(localPort: number, path = '/'): string {
  const safePath = path.startsWith('/') && !path.startsWith('//') ? path : '/';
  return new URL(safePath, `https://127.0.0.1:${localPort}`).toString();
}
