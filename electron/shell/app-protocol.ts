// app://karpor/: the built renderer, served with the app's CSP. A privileged standard+secure
// scheme (unlike file://) gives the pages a real origin, so the sender check has one to match.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { APP_CSP, contentTypeFor, resolveRendererFile } from './renderer-files.ts';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url));
}

export async function appProtocolResponse(rendererDir: string, url: string): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', 'content-security-policy': APP_CSP } });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound();
  const file = resolveRendererFile(rendererDir, parsed.pathname);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': APP_CSP, 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return notFound();
  }
}
