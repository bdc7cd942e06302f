// The CLI as users run it: a separate process, real kubeconfig files, exit codes and streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { badKubeconfigs, kubeconfigYaml, SECRET_TOKEN, tempDir, type TempDir } from '../helpers/kubeconfigs.ts';

const entry = path.resolve('electron/cli/main.ts');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('karpor-desktop CLI', () => {
  let tmp: TempDir;
  let home: string;
  beforeAll(() => {
    tmp = tempDir();
    home = path.join(tmp.dir, 'home');
    tmp.write('home/.kube/config', kubeconfigYaml({ contexts: [{ name: 'home-ctx' }] }));
  });
  afterAll(() => tmp.cleanup());

  const cli = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [entry, ...args], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(tmp.dir, 'xdg'), ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints help listing the commands (exit 0)', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: karpor-desktop/);
    expect(r.stdout).toMatch(/contexts/);
    expect(r.stderr).toBe('');
  });

  it('prints the package version (exit 0)', () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the contexts of ~/.kube/config as a table, marking the current one', () => {
    const r = cli(['contexts']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^CURRENT\s+NAME\s+CLUSTER\s+USER\s+NAMESPACE\s+SERVER$/);
    expect(r.stdout).toMatch(/^\*\s+home-ctx\s+home-ctx-cluster\s+admin\s+https:\/\/127\.0\.0\.1:6443$/m);
    expect(r.stdout).not.toContain(SECRET_TOKEN);
  });

  it('merges the KUBECONFIG list, and prefers --kubeconfig', () => {
    const a = tmp.write('a.yaml', kubeconfigYaml({ contexts: [{ name: 'a-ctx' }] }));
    const b = tmp.write('b.yaml', kubeconfigYaml({ contexts: [{ name: 'b-ctx' }] }));
    const merged = cli(['contexts', '--output', 'json'], { KUBECONFIG: `${a}:${b}` });
    expect(merged.code).toBe(0);
    const json = JSON.parse(merged.stdout) as { files: string[]; currentContext: string; contexts: { name: string }[] };
    expect(json.files).toEqual([a, b]);
    expect(json.currentContext).toBe('a-ctx');
    expect(json.contexts.map((c) => c.name)).toEqual(['a-ctx', 'b-ctx']);
    const explicit = JSON.parse(cli(['contexts', '--kubeconfig', b, '-o', 'json'], { KUBECONFIG: a }).stdout) as { files: string[] };
    expect(explicit.files).toEqual([b]);
  });

  it('does not create a settings file just to list contexts', () => {
    cli(['contexts']);
    expect(existsSync(path.join(tmp.dir, 'xdg', 'karpor-desktop'))).toBe(false);
  });

  it('fails with exit 1, one sentence naming the file and a hint, for a missing kubeconfig', () => {
    const missing = path.join(tmp.dir, 'missing.yaml');
    const r = cli(['contexts', '--kubeconfig', missing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: Kubeconfig file ${missing} does not exist.\nhint: Check the path, or choose another kubeconfig file.\n`);
  });

  for (const bad of badKubeconfigs) {
    it(`fails with exit 1 for a kubeconfig that is ${bad.name}, without a stack or the file's secrets`, () => {
      const file = tmp.write(`bad-${bad.name}.yaml`, bad.content);
      const r = cli(['contexts', '--kubeconfig', file]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(bad.says);
      expect(lines[0]).toContain(file);
      expect(lines[1]).toMatch(/^hint: /);
      expect(r.stderr).not.toContain(SECRET_TOKEN);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('fails with exit 1 when there is no kubeconfig at all', () => {
    const r = cli(['contexts'], { HOME: path.join(tmp.dir, 'empty-home') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: No kubeconfig found: .* does not exist and KUBECONFIG is not set\.\nhint: /);
  });

  it('exits 2 on usage errors: unknown option, unknown command, bad choice, missing value', () => {
    for (const args of [['contexts', '--bogus'], ['frobnicate'], ['contexts', '-o', 'yaml'], ['contexts', '--kubeconfig']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      // The hint names the subcommand whose usage was wrong.
      expect(r.stderr).toMatch(args[0] === 'frobnicate' ? /hint: run "karpor-desktop --help"/ : /hint: run "karpor-desktop contexts --help"/);
      expect(r.stdout).toBe('');
    }
  });
});
