// Builds everything the app ships: main and preload bundles, the CLI bundle, and the renderer.
// Main and preload are bundled so the package holds no node_modules beyond what is inlined.
import { build, type Plugin } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

interface Bundle { entry: string; outfile: string; format: 'esm' | 'cjs' | 'iife'; platform: 'node' | 'browser' }

export const bundles: Bundle[] = [
  { entry: 'electron/main.ts', outfile: 'dist/main/main.js', format: 'esm', platform: 'node' },
  // Sandboxed preloads cannot import other files or ESM: one CommonJS file.
  { entry: 'electron/preload.ts', outfile: 'dist/preload/preload.cjs', format: 'cjs', platform: 'node' },
  { entry: 'electron/cli/main.ts', outfile: 'dist/cli/karpor-desktop.js', format: 'esm', platform: 'node' },
  // The forward's data-plane worker, shared by the app and the CLI (data-plane-thread.ts evaluates it).
  { entry: 'electron/forward/data-plane-worker.ts', outfile: 'dist/data-plane/worker.cjs', format: 'cjs', platform: 'node' },
  // The dashboard auto-login: one self-contained browser file (tests inject it into Chromium) and the
  // dashboard window's sandboxed preload, which runs the same code in an isolated world.
  { entry: 'electron/dashboard/autologin/index.ts', outfile: 'dist/dashboard/autologin.js', format: 'iife', platform: 'browser' },
  { entry: 'electron/dashboard/dashboard-preload.ts', outfile: 'dist/dashboard/preload.cjs', format: 'cjs', platform: 'node' },
];

// ESM bundles that inline CommonJS dependencies need a real `require`.
const esmBanner = "import { createRequire as __kdCreateRequire } from 'node:module'; const require = __kdCreateRequire(import.meta.url);";

// spdy-transport's buffer helpers (obuf, wbuf) and client-node's stream-buffers still call the deprecated
// `new Buffer(n)`. Node stays quiet about that under node_modules, but once bundled the call looks like our
// own code and every CLI run would print DEP0005; their size-only calls map one-to-one onto Buffer.allocUnsafe.
const modernBuffers: Plugin = {
  name: 'modern-buffers',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](obuf|wbuf|stream-buffers)[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('new Buffer(', 'Buffer.allocUnsafe('),
      loader: 'js',
    }));
  },
};

export async function buildBundles(only?: string[]): Promise<void> {
  for (const b of bundles) {
    if (only && !only.some((o) => b.entry.includes(o))) continue;
    if (!existsSync(b.entry)) throw new Error(`build: entry ${b.entry} is missing`);
    await build({
      entryPoints: [b.entry],
      outfile: b.outfile,
      bundle: true,
      format: b.format,
      platform: b.platform,
      target: b.platform === 'node' ? 'node22' : 'chrome130',
      external: ['electron'],
      sourcemap: 'linked',
      logLevel: 'warning',
      banner: b.format === 'esm' ? { js: esmBanner } : undefined,
      plugins: [modernBuffers],
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args.length > 0 ? args : undefined;
  await buildBundles(only?.filter((a) => a !== 'renderer'));
  if (!only || only.includes('renderer')) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
