import { describe, expect, it } from 'vitest';
import { app, session } from 'electron';
// Test-only stand-in (the same module the `electron` mock returns).
import { WebContents } from '../../setup/electron-fake.ts';
import { applySecurityPolicy } from '../../../electron/shell/security-policy.ts';

const fakeApp = app as unknown as { emit: (event: string, ...args: unknown[]) => boolean };
const fakeSession = session.defaultSession as unknown as {
  permissionRequestHandler: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
  permissionCheckHandler: (...args: unknown[]) => boolean;
};

function navigate(contents: WebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => { prevented = true; } }, url);
  return prevented;
}

describe('app-wide security policy', () => {
  applySecurityPolicy({ navigationRules: [(url) => url.startsWith('app://karpor/')] });
  const contents = new WebContents();
  fakeApp.emit('web-contents-created', {}, contents);

  it('denies every new window', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://karpor/index.html' })).toEqual({ action: 'deny' });
  });

  it('lets navigation and redirects through only when a rule allows them', () => {
    expect(navigate(contents, 'will-navigate', 'app://karpor/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://example.com/')).toBe(true);
  });

  it('prevents <webview> attachment', () => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => { prevented = true; } }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) fakeSession.permissionRequestHandler({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(fakeSession.permissionCheckHandler({}, 'media')).toBe(false);
  });
});
