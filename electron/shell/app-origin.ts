// The app's own origin: the renderer is served from app://karpor/, and only pages there may call IPC.
export const APP_SCHEME = 'app';
export const APP_HOST = 'karpor';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for app://karpor/... (a standard scheme, so the host is parsed like http's). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
