// `npm run demo` with a stand-in Electron binary (ELECTRON_OVERRIDE_DIST_PATH, as the electron
// package honours it): the app is started on this repository with the sandbox's kubeconfig and a
// throw-away settings folder that already holds the Sandbox profile, and everything is cleaned up.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../..');
const fakeDist = mkdtempSync(join(tmpdir(), 'kd-fake-electron-'));
afterAll(() => rmSync(fakeDist, { recursive: true, force: true }));

const recordSchema = z.object({
  args: z.array(z.string()),
  settingsDir: z.string(),
  kubeconfig: z.string(),
  kubeconfigExists: z.boolean(),
  settings: z.object({ activeProfileId: z.string(), profiles: z.array(z.object({ id: z.string(), name: z.string(), kubeconfigPath: z.string() })) }),
});

describe('npm run demo', () => {
  it('starts Electron on the app with the sandbox kubeconfig and a pre-made profile, then cleans up', () => {
    const record = join(fakeDist, 'record.json');
    // The stand-in records what it was started with, as the real app would see it, and exits.
    writeFileSync(join(fakeDist, 'electron'), `#!${process.execPath}
const fs = require('node:fs'); const path = require('node:path');
const dir = process.argv.find((a) => a.startsWith('--user-data-dir=')).slice('--user-data-dir='.length);
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args: process.argv.slice(2),
  settingsDir: process.env.KARPOR_DESKTOP_SETTINGS_DIR,
  kubeconfig: process.env.KUBECONFIG,
  kubeconfigExists: fs.existsSync(process.env.KUBECONFIG),
  settings: JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')),
}));
`);
    chmodSync(join(fakeDist, 'electron'), 0o755);

    const r = spawnSync('node', ['scripts/demo.ts'], { cwd: root, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: fakeDist } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Karpor Desktop demo is starting against the sandbox');

    const seen = recordSchema.parse(JSON.parse(readFileSync(record, 'utf8')));
    expect(seen.args[0]).toBe(root);
    expect(seen.args[1]).toBe(`--user-data-dir=${seen.settingsDir}`);
    expect(seen.settingsDir).toMatch(/karpor-desktop-demo-.*settings$/);
    expect(seen.kubeconfigExists).toBe(true);
    const [profile] = seen.settings.profiles;
    expect(profile).toMatchObject({ name: 'Sandbox', kubeconfigPath: seen.kubeconfig });
    expect(seen.settings.activeProfileId).toBe(profile.id);

    // The sandbox and the throw-away folder are gone once the app exits.
    expect(existsSync(seen.kubeconfig)).toBe(false);
    expect(existsSync(seen.args[1].slice('--user-data-dir='.length))).toBe(false);
  }, 120_000);
});
