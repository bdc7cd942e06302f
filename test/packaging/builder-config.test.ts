// The packaging config, checked with electron-builder's own loader and schema validation, and
// against a real `npm run build`: the `files` globs must pack exactly the bundles and the renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { bundles } from '../../scripts/build.ts';
import { trayIconFiles } from '../../electron/desktop/icon-paths.ts';

const root = resolve(import.meta.dirname, '../..');
// app-builder-lib and builder-util come with electron-builder; the file matcher is internal (absent
// from its typings), so it is typed here by the shape electron-builder itself calls it with.
const require = createRequire(join(root, 'package.json'));
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}
interface Matcher { from: string; createFilter(): (file: string, stat: Stats) => boolean }
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object,
    platformPackager: { info: object }, outDir: string, isElectronCompile: boolean,
  ): Matcher[];
}
const configModule = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
const fileMatcher = require('app-builder-lib/out/fileMatcher.js') as FileMatcherModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => { isEnabled: boolean } };

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; desktopName?: string };

async function loadConfig(): Promise<Configuration> {
  return await configModule.getConfig(root, 'electron-builder.yml', null);
}

/** The app files electron-builder would put in the asar, walked the way its AppFileWalker does. */
function packedFiles(config: Configuration, projectDir: string): string[] {
  const packager = { info: { projectDir, buildResourcesDir: config.directories?.buildResources ?? 'build', config, isPrepackedAppAsar: false, debugLogger: new DebugLogger(false) } };
  const outDir = join(projectDir, config.directories?.output ?? 'dist');
  const [main] = fileMatcher.getMainFileMatchers(projectDir, '/app', (p) => p, {}, packager, outDir, false);
  const filter = main.createFilter();
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === '.git') continue;
      const stat = lstatSync(path);
      if (!filter(path, stat)) continue;
      if (stat.isDirectory()) walk(path);
      else found.push(relative(projectDir, path));
    }
  };
  walk(projectDir);
  return found.sort();
}

function filesUnder(projectDir: string, dir: string): string[] {
  const abs = join(projectDir, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(projectDir, join(d.parentPath, d.name)));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const config = await loadConfig();
    await expect(configModule.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by that validation when an option is misspelt (the check can fail)', async () => {
    const config = await loadConfig();
    const bad = { ...config, linux: { ...config.linux, desktopNam: 'karpor-desktop' } } as Configuration;
    await expect(configModule.validateConfiguration(bad, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app, pins Electron and packs an asar into release/', async () => {
    const c = await loadConfig();
    expect(c.appId).toBe('io.kusionstack.karpor.desktop');
    expect(c.productName).toBe('Karpor Desktop');
    expect(c.electronVersion).toBe('45.5.0');
    expect(c.asar).toBe(true);
    expect(c.directories?.output).toBe('release');
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(c.electronVersion);
  });

  it('sets every fuse the issue asks for', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb with a desktop name Electron also uses as app_id', async () => {
    const c = await loadConfig();
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.linux?.syncDesktopName).toBe(true);
    expect(c.linux?.executableName).toBe('karpor-desktop');
    expect(c.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(c.linux?.category).toBe('Development');
    // electron-builder reads desktopName from package.json, where Electron reads it at run time too.
    expect(pkg.desktopName).toBe('karpor-desktop.desktop');
    expect(existsSync(join(root, String(c.linux?.icon), '512x512.png'))).toBe(true);
  });

  it('builds a hardened-runtime dmg whose entitlements file exists and allows only JIT', async () => {
    const c = await loadConfig();
    expect(c.mac?.target).toBe('dmg');
    expect(c.mac?.hardenedRuntime).toBe(true);
    const plist = readFileSync(join(root, String(c.mac?.entitlements)), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect(c.mac?.entitlementsInherit).toBe(c.mac?.entitlements);
  });

  it('builds a per-user nsis installer', async () => {
    const c = await loadConfig();
    expect(c.win?.target).toBe('nsis');
    expect(c.nsis?.perMachine).toBe(false);
    expect(c.nsis?.oneClick).toBe(true);
  });

  it('ships every tray icon and the window icon as extra resources', async () => {
    const c = await loadConfig();
    expect(c.extraResources).toEqual([
      { from: 'build/tray', to: 'tray', filter: ['*.png'] },
      { from: 'build/icons/256x256.png', to: 'icons/256x256.png' },
    ]);
    for (const { file } of trayIconFiles()) expect(existsSync(join(root, 'build/tray', file)), file).toBe(true);
    expect(existsSync(join(root, 'build/icons/256x256.png'))).toBe(true);
  });

  it('copies no node_modules: the beforeBuild hook tells electron-builder they are handled elsewhere', async () => {
    const c = await loadConfig();
    expect(c.npmRebuild).not.toBe(false); // electron-builder runs beforeBuild only when rebuilding
    const hook = require(join(root, String(c.beforeBuild))) as () => Promise<boolean>;
    await expect(hook()).resolves.toBe(false);
  });
});

describe('what `npm run build` produces is what the package packs', () => {
  let packed: string[] = [];
  let built: string[] = [];
  let copy = '';

  // The build runs in a copy of the project, so rebuilding never pulls dist/ from under other tests
  // that serve or inject it while this file runs.
  beforeAll(async () => {
    const missing = bundles.map((b) => b.entry).filter((e) => !existsSync(join(root, e)));
    if (missing.length > 0) throw new Error(`cannot build yet: ${missing.join(', ')} missing`);
    copy = mkdtempSync(join(tmpdir(), 'kd-pack-'));
    for (const entry of ['electron', 'renderer', 'scripts', 'build', 'package.json', 'vite.config.ts', 'tsconfig.json', 'electron-builder.yml']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const r = spawnSync('node', ['scripts/build.ts'], { cwd: copy, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`npm run build failed (${r.status ?? r.signal}):\n${r.stderr}`);
    packed = packedFiles(await configModule.getConfig(copy, 'electron-builder.yml', null), copy);
    // Everything the build writes, except the CLI, which ships through npm's `bin`, not in the app.
    built = filesUnder(copy, 'dist').filter((f) => !f.startsWith('dist/cli/'));
  }, 200_000);

  afterAll(() => { if (copy) rmSync(copy, { recursive: true, force: true }); });

  it('packs every built file of the app (all of dist/ but the CLI) except source maps, and package.json', () => {
    const expected = [...built.filter((f) => !f.endsWith('.map')), 'package.json'].sort();
    expect(packed).toEqual(expected);
  });

  it('packs each Electron bundle scripts/build.ts makes, and the file package.json names as main', () => {
    for (const b of bundles.filter((x) => !x.entry.startsWith('electron/cli/'))) expect(packed).toContain(b.outfile);
    expect(packed).toContain(pkg.main);
    expect(packed).toContain('dist/renderer/index.html');
  });

  it('packs nothing unexpected: no node_modules, sources, maps, tests, the CLI or build resources', () => {
    const unexpected = packed.filter((f) =>
      /(^|\/)node_modules\//.test(f) || /\.(ts|tsx|map)$/.test(f) || /(^|\/)test\//.test(f) || /\.test\./.test(f) ||
      f.startsWith('dist/cli/') || f.startsWith('build/') || f.startsWith('electron/') || f.startsWith('renderer/'));
    expect(unexpected).toEqual([]);
  });

  it('has source maps to leave out (the exclusion is exercised, not vacuous)', () => {
    expect(built.some((f) => f.endsWith('.map'))).toBe(true);
  });
});
