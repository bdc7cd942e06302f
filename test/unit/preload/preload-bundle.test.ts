// The bundled preload runs where Electron runs sandboxed preloads: no file system, no Node
// modules, `require` answers only for `electron`. A bundle that reached for anything else would
// fail here instead of in the app.
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { build } from 'esbuild';
import { bundles } from '../../../scripts/build.ts';

describe('preload bundle', () => {
  it('runs with only `electron` available and exposes the api', async () => {
    const spec = bundles.find((b) => b.entry === 'electron/preload.ts');
    expect(spec?.format).toBe('cjs');
    const out = await build({ entryPoints: ['electron/preload.ts'], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node22', external: ['electron'], logLevel: 'silent' });
    const code = out.outputFiles[0]!.text;

    let exposed: Record<string, unknown> | undefined;
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (_key: string, api: Record<string, unknown>) => { exposed = api; } },
      ipcRenderer: { invoke: async (...args: unknown[]) => { invoked.push(args); return { ok: true, value: 'v' }; }, on: () => undefined, removeListener: () => undefined },
    };
    const requireOnlyElectron = (name: string): unknown => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: requireOnlyElectron, module, exports: module.exports });

    expect(Object.keys(exposed ?? {})).toContain('settings');
    const settings = exposed?.settings as { get: () => Promise<unknown> };
    expect(await settings.get()).toBe('v');
    expect(invoked).toEqual([['settings:get', undefined]]);
  });
});
