import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createDispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers, type HandlerTable } from '../../../electron/ipc/handlers.ts';
import { AppError, toIpcError } from '../../../electron/ipc/app-error.ts';
import { channelNames } from '../../../electron/ipc/contract.ts';
import { createServices } from '../../../electron/services.ts';
import { tempDir, type TempDir } from '../../integration/helpers/kubeconfigs.ts';

describe('dispatcher', () => {
  let tmp: TempDir;
  let handlers: HandlerTable;
  const logged: string[] = [];
  beforeEach(() => {
    tmp = tempDir();
    logged.length = 0;
    handlers = createHandlers(createServices({ settingsDir: path.join(tmp.dir, 's'), version: '9.9.9', homeDir: tmp.dir, getEnv: () => ({}) }));
  });
  afterEach(() => tmp.cleanup());
  const dispatcher = (table: HandlerTable = handlers) => createDispatcher(table, { transport: 'electron' }, { log: (l) => logged.push(l) });

  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('runs the handler and wraps its validated result', async () => {
    expect(await dispatcher()('app:info', undefined)).toEqual({ ok: true, value: { version: '9.9.9', platform: process.platform, transport: 'electron' } });
  });

  it('refuses unknown channels, including names of Object.prototype', async () => {
    for (const name of ['nope:nothing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      const r = await dispatcher()(name, undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('names the bad field in BAD_REQUEST messages', async () => {
    const r = await dispatcher()('profiles:save', { name: 'x', kubeconfigPath: null, context: 'c', localPort: 70000, colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Invalid input for profiles:save: .*"localPort": .*unexpected field "colour"/);
  });

  it('passes AppErrors through with code and hint', async () => {
    const r = await dispatcher({ ...handlers, 'app:info': async () => { throw new AppError('UNAVAILABLE', 'Cluster gone.', { hint: 'Reconnect.' }); } })('app:info', undefined);
    expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'Cluster gone.', hint: 'Reconnect.' } });
  });

  it('turns any other error into a generic INTERNAL one without its message or stack', async () => {
    const secret = 'Bearer abc.def.ghi';
    const r = await dispatcher({ ...handlers, 'app:info': async () => { throw new Error(`HTTP 500 ${secret}\n    at x (y.ts:1:1)`); } })('app:info', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(JSON.stringify(r)).not.toContain('y.ts');
    expect(logged.join('\n')).not.toContain('y.ts');
  });

  it('refuses a result that breaks the contract, and strips unknown result fields', async () => {
    const broken = await dispatcher({ ...handlers, 'app:info': async () => ({ version: 1 }) as never })('app:info', undefined);
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const extra = await dispatcher({ ...handlers, 'app:info': async () => ({ version: '1', platform: 'linux', transport: 'bridge', token: 't' }) as never })('app:info', undefined);
    expect(extra).toEqual({ ok: true, value: { version: '1', platform: 'linux', transport: 'bridge' } });
  });

  it('maps errors consistently outside the dispatcher too', () => {
    expect(toIpcError(new AppError('NOT_FOUND', 'gone'))).toEqual({ code: 'NOT_FOUND', message: 'gone' });
    expect(toIpcError('a string').code).toBe('INTERNAL');
  });
});
