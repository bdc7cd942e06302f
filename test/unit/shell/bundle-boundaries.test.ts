// What each bundle may contain: the app never ships the dev bridge, the renderer's api never
// carries main-process code (it imports types only), the preload needs nothing but `electron`.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';

async function inputsOf(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform, format: 'esm', packages: 'external', logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('bundle boundaries', () => {
  it('electron/main.ts never pulls in the dev bridge', async () => {
    const inputs = await inputsOf('electron/main.ts', 'node');
    expect(inputs).toContain('electron/ipc/register-ipc.ts');
    expect(inputs.filter((f) => f.startsWith('electron/bridge/'))).toEqual([]);
  });

  it('the renderer api carries no main-process code', async () => {
    const inputs = await inputsOf('renderer/src/api/index.ts', 'browser');
    expect(inputs.filter((f) => f.startsWith('electron/'))).toEqual([]);
  });

  it('the preload imports only electron and what it bundles', async () => {
    const result = await build({ entryPoints: ['electron/preload.ts'], bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', external: ['electron'], logLevel: 'silent' });
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect([...new Set(imports)]).toEqual(['electron']);
  });
});
