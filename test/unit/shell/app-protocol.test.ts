import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { protocol } from 'electron';
import { appProtocolResponse, registerAppScheme, serveAppProtocol } from '../../../electron/shell/app-protocol.ts';
import { APP_CSP } from '../../../electron/shell/renderer-files.ts';
import { tempDir, type TempDir } from '../../integration/helpers/kubeconfigs.ts';

const fake = protocol as unknown as { privileged: unknown[]; handlers: Map<string, (r: { url: string }) => Promise<Response>> };

describe('app:// protocol', () => {
  let tmp: TempDir;
  let dir: string;
  beforeAll(() => {
    tmp = tempDir();
    dir = path.join(tmp.dir, 'renderer');
    tmp.write('renderer/index.html', '<!doctype html>');
    tmp.write('renderer/assets/app.js', 'export {}');
    tmp.write('outside.txt', 'secret');
  });
  afterAll(() => tmp.cleanup());

  it('registers app as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.privileged).toContainEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves the renderer with the CSP and content type', async () => {
    serveAppProtocol(dir);
    const r = await fake.handlers.get('app')!({ url: 'app://karpor/index.html' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await r.text()).toBe('<!doctype html>');
    expect((await appProtocolResponse(dir, 'app://karpor/')).status).toBe(200);
    expect((await appProtocolResponse(dir, 'app://karpor/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(['app://karpor/../outside.txt', 'app://karpor/%2e%2e/outside.txt', 'app://karpor/assets/..%2f..%2foutside.txt', 'app://other/index.html', 'app://karpor/missing.js', 'not a url'])('answers 404 for %s', async (url) => {
    const r = await appProtocolResponse(dir, url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('secret');
  });
});
