// The packaging config, checked with electron-builder's own loader and schema validation, and by
// electron-builder packing a real `npm run build`: the app.asar must hold exactly the bundles, the
// renderer and package.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
// @electron/asar comes with electron-builder: the archive format it writes.
import asar from '@electron/asar';
import { parse, stringify } from 'yaml';
import type { Configuration } from 'app-builder-lib';
import { bundles } from '../../scripts/build.ts';
import { trayIconFiles } from '../../electron/desktop/icon-paths.ts';

const root = resolve(import.meta.dirname, '../..');
// app-builder-lib and builder-util come with electron-builder (its loader and schema validation).
const require = createRequire(join(root, 'package.json'));
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}
const configModule = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => { isEnabled: boolean } };

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; desktopName?: string };

async function loadConfig(): Promise<Configuration> {
  return await configModule.getConfig(root, 'electron-builder.yml', null);
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
  let resources = '';

  // `npm run build`, then electron-builder itself packs the app (`--linux dir`), in a copy of the
  // project so rebuilding dist/ never pulls it from under other tests. Electron's binary cannot be
  // downloaded here, so a stand-in directory plays the Electron distribution, and the fuses, which
  // can only be flipped in a real binary, are left out of this one run (checked above instead).
  beforeAll(async () => {
    const missing = bundles.map((b) => b.entry).filter((e) => !existsSync(join(root, e)));
    if (missing.length > 0) throw new Error(`cannot build yet: ${missing.join(', ')} missing`);
    copy = mkdtempSync(join(tmpdir(), 'kd-pack-'));
    for (const entry of ['electron', 'renderer', 'scripts', 'build', 'package.json', 'vite.config.ts', 'tsconfig.json', 'electron-builder.yml']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const b = spawnSync('node', ['scripts/build.ts'], { cwd: copy, encoding: 'utf8', timeout: 180_000 });
    if (b.status !== 0) throw new Error(`npm run build failed (${b.status ?? b.signal}):\n${b.stderr}`);
    // Everything the build writes, except the CLI, which ships through npm's `bin`, not in the app.
    built = filesUnder(copy, 'dist').filter((f) => !f.startsWith('dist/cli/'));

    const config = parse(readFileSync(join(copy, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    delete config.electronFuses;
    writeFileSync(join(copy, 'electron-builder.yml'), stringify(config));
    const electronDist = join(copy, 'stand-in-electron');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const cli = join(root, 'node_modules/electron-builder/cli.js');
    const p = spawnSync(process.execPath, [cli, '--linux', 'dir', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`],
      { cwd: copy, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    if (p.status !== 0) throw new Error(`electron-builder failed (${p.status ?? p.signal}):\n${p.stdout}\n${p.stderr}`);
    resources = join(copy, 'release/linux-unpacked/resources');
    const entries = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((e) => e.replace(/^[\\/]/, '').replace(/\\/g, '/'));
    packed = entries.filter((e) => !entries.some((other) => other.startsWith(`${e}/`))).sort();
  }, 400_000);

  afterAll(() => { if (copy) rmSync(copy, { recursive: true, force: true }); });

  it('packs every built file of the app (all of dist/ but the CLI) except source maps, and package.json', () => {
    const expected = [...built.filter((f) => !f.endsWith('.map')), 'package.json'].sort();
    expect(packed).toEqual(expected);
  });

  it('packs each Electron bundle scripts/build.ts makes, and the file package.json names as main', () => {
    for (const b of bundles.filter((x) => !x.entry.startsWith('electron/cli/'))) expect(packed).toContain(b.outfile);
    const packagedPkg = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main: string; desktopName?: string };
    expect(packed).toContain(packagedPkg.main);
    expect(packagedPkg.desktopName).toBe('karpor-desktop.desktop');
    expect(packed).toContain('dist/renderer/index.html');
  });

  it('packs nothing unexpected: no node_modules, sources, maps, tests, the CLI or build resources', () => {
    const unexpected = packed.filter((f) =>
      /(^|\/)node_modules(\/|$)/.test(f) || /\.(ts|tsx|map)$/.test(f) || /(^|\/)test\//.test(f) || /\.test\./.test(f) ||
      f.startsWith('dist/cli/') || f.startsWith('build/') || f.startsWith('electron/') || f.startsWith('renderer/'));
    expect(unexpected).toEqual([]);
    expect(existsSync(join(resources, 'app.asar.unpacked'))).toBe(false);
    expect(existsSync(join(resources, 'app'))).toBe(false);
  });

  it('puts the tray and window icons beside the asar, where icon-paths.ts looks for them', () => {
    expect(readdirSync(join(resources, 'tray')).sort()).toEqual(trayIconFiles().map((f) => f.file).sort());
    expect(readdirSync(join(resources, 'icons'))).toEqual(['256x256.png']);
  });

  it('has source maps to leave out (the exclusion is exercised, not vacuous)', () => {
    expect(built.some((f) => f.endsWith('.map'))).toBe(true);
  });
});
