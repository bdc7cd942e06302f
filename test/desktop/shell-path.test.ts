// Login-shell PATH capture with a real bash and real rc files in a temporary HOME.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureLoginShellPath, extractShellPath, mergePaths, shellPathCommand } from '../../electron/desktop/shell-path.ts';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

function home(profile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-shell-'));
  homes.push(dir);
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, '.bash_profile'), profile);
  return dir;
}

describe('pure parts', () => {
  it('cuts the PATH out from between the markers, ignoring rc-file noise around it', () => {
    const noisy = 'Welcome back!\n__KARPOR_PATH_START__/a/bin:/usr/bin__KARPOR_PATH_END__\nlogout\n';
    expect(extractShellPath(noisy)).toBe('/a/bin:/usr/bin');
    expect(extractShellPath('no markers here')).toBe(null);
    expect(extractShellPath('__KARPOR_PATH_START__/a__KARPOR_PATH_END__')).toBe('/a');
  });
  it('never puts a whole marker in the command text, so an echoed command cannot match', () => {
    const { file, args } = shellPathCommand('/bin/zsh');
    expect(file).toBe('/bin/zsh');
    expect(args[0]).toBe('-ilc');
    expect(args[1]).not.toContain('__KARPOR_PATH_START__');
    expect(extractShellPath(args[1])).toBe(null);
  });
  it('merges login-shell entries first, then the rest, without duplicates or empties', () => {
    expect(mergePaths('/opt/homebrew/bin:/usr/bin', '/usr/bin:/bin::/usr/bin', ':')).toBe('/opt/homebrew/bin:/usr/bin:/bin');
  });
});

describe('captureLoginShellPath', () => {
  it('reads the PATH a login shell sets up, despite a banner', async () => {
    const h = home(`echo "Hello from .bash_profile"\nexport PATH="${'$HOME'}/bin:$PATH"\n`);
    const r = await captureLoginShellPath({ platform: 'linux', env: { SHELL: '/bin/bash', HOME: h, PATH: '/usr/bin:/bin:/only/in/process' } });
    expect(r.source).toBe('login-shell');
    const entries = r.path.split(':');
    expect(entries[0]).toBe(join(h, 'bin'));
    expect(entries).toContain('/only/in/process'); // kept from the process PATH
    expect(new Set(entries).size).toBe(entries.length);
  });

  it('gives up after the timeout when an rc file waits, and keeps the process PATH', async () => {
    const h = home('sleep 30\n');
    const started = Date.now();
    const r = await captureLoginShellPath({ platform: 'linux', env: { SHELL: '/bin/bash', HOME: h, PATH: '/usr/bin:/bin' }, timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r).toEqual({ path: '/usr/bin:/bin', source: 'process', reason: 'the login shell did not finish within 400 ms' });
  });

  it('keeps the process PATH when the shell prints none, is missing, or on Windows', async () => {
    const h = home('exit 0\n');
    expect((await captureLoginShellPath({ platform: 'linux', env: { SHELL: '/bin/bash', HOME: h, PATH: '/p' } })).source).toBe('process');
    expect(await captureLoginShellPath({ platform: 'darwin', env: { SHELL: '/no/such/shell', PATH: '/p' } }))
      .toMatchObject({ path: '/p', source: 'process', reason: expect.stringMatching(/could not start/) });
    expect(await captureLoginShellPath({ platform: 'linux', env: { PATH: '/p' } })).toMatchObject({ source: 'process' });
    expect(await captureLoginShellPath({ platform: 'win32', env: { SHELL: '/bin/bash', PATH: 'C:\\x' } })).toMatchObject({ path: 'C:\\x', source: 'process' });
  });
});
