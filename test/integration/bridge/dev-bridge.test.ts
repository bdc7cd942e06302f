import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'ws';
import { startDevBridge, type DevBridge } from '../../../electron/bridge/dev-bridge.ts';
import { APP_CSP } from '../../../electron/shell/renderer-files.ts';
import { kubeconfigYaml, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

/** A raw request: fetch would normalise `..` and refuses to set Host. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('dev bridge', () => {
  let tmp: TempDir;
  let bridge: DevBridge;
  let kubeconfig: string;
  const call = (channel: string, input: unknown, secret = bridge.secret) =>
    fetch(`http://127.0.0.1:${bridge.port}/ipc/${channel}`, { method: 'POST', headers: { 'x-karpor-bridge-secret': secret, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });

  beforeAll(async () => {
    tmp = tempDir();
    tmp.write('renderer/index.html', '<!doctype html><title>Karpor</title>');
    tmp.write('renderer/assets/app.js', 'console.log(1)');
    tmp.write('secret.txt', 'outside the renderer');
    kubeconfig = tmp.write('kubeconfig', kubeconfigYaml());
    bridge = await startDevBridge({ settingsDir: path.join(tmp.dir, 'settings'), rendererDir: path.join(tmp.dir, 'renderer'), kubeconfigPath: kubeconfig });
  });
  afterAll(async () => {
    await bridge.close();
    tmp.cleanup();
  });

  it('listens on 127.0.0.1 with a fresh secret in the URL fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#bridge=${bridge.secret}`);
    expect(bridge.secret.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with the app CSP', async () => {
    const index = await fetch(`http://127.0.0.1:${bridge.port}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<title>Karpor</title>');
    const js = await fetch(`http://127.0.0.1:${bridge.port}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/nope.js']) {
      const r = await raw(bridge.port, { path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    expect((await raw(bridge.port, { path: '/', headers: { host: 'evil.example:80' } })).status).toBe(403);
  });

  it('answers calls with the real services, as envelopes', async () => {
    const info = await (await call('app:info', undefined)).json();
    expect(info).toMatchObject({ ok: true, value: { transport: 'bridge' } });
    const contexts = await (await call('kube:contexts', undefined)).json();
    expect(contexts).toMatchObject({ ok: true, value: { files: [kubeconfig], currentContext: 'kind-karpor' } });
  });

  it('refuses calls without the right secret, with 403 and a FORBIDDEN envelope', async () => {
    const wrong = await call('settings:get', undefined, 'x'.repeat(bridge.secret.length));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const missing = await raw(bridge.port, { method: 'POST', path: '/ipc/settings:get', body: '{}' });
    expect(missing.status).toBe(403);
  });

  it('refuses malformed bodies and unknown channels with BAD_REQUEST', async () => {
    const headers = { 'x-karpor-bridge-secret': bridge.secret, host: `127.0.0.1:${bridge.port}` };
    for (const body of ['not json', '[]', '{"input": 1, "more": 2}']) {
      const r = await raw(bridge.port, { method: 'POST', path: '/ipc/settings:get', headers, body });
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await (await call('nope:nope', undefined)).json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const big = await raw(bridge.port, { method: 'POST', path: '/ipc/settings:get', headers, body: 'x'.repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
  });

  it('has no native file dialog', async () => {
    expect(await (await call('kube:pickFile', undefined)).json()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('pushes events over /events only after the secret', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`);
    await new Promise((r) => refused.once('open', r));
    refused.send(JSON.stringify({ secret: 'wrong' }));
    const code = await new Promise<number>((r) => refused.once('close', (c) => r(c)));
    expect(code).toBe(4403);

    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ secret: bridge.secret }));
    await new Promise((r) => setTimeout(r, 100));
    const received = new Promise<{ event: string; payload: { settings: { profiles: unknown[] } } }>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
    const saved = await (await call('profiles:save', { name: 'Dev', kubeconfigPath: kubeconfig, context: 'prod' })).json();
    expect(saved).toMatchObject({ ok: true });
    const message = await received;
    expect(message.event).toBe('settings:changed');
    expect(message.payload.settings.profiles).toHaveLength(1);
    ws.close();
    expect(JSON.parse(readFileSync(path.join(tmp.dir, 'settings', 'settings.json'), 'utf8')).profiles).toHaveLength(1);
  });
});
