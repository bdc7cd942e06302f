import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAesGcmEncryptor } from '../../electron/accounts/vault/aes-gcm-encryptor.ts';
import { createTokenVault } from '../../electron/accounts/vault/token-vault.ts';
import { createSafeStorageEncryptor } from '../../electron/accounts/vault/encryptor.ts';
import { followKeptTokens } from '../../electron/accounts/follow-kept-tokens.ts';

const dirs: string[] = [];
async function tempVault() {
  const dir = await mkdtemp(join(tmpdir(), 'karpor-vault-'));
  dirs.push(dir);
  return join(dir, 'vault', 'tokens.json');
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const meta = { hubId: 'p1', account: 'karpor-guest', namespace: 'default', role: 'karpor-guest', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-02T00:00:00.000Z', requestedSeconds: 86_400 };

describe('token vault', () => {
  it('round-trips a token, keeps the file 0600 and the token out of it', async () => {
    const path = await tempVault();
    const vault = createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'os'));
    const token = `eyJ${randomBytes(48).toString('base64url')}`;
    const kept = await vault.add({ ...meta, token });
    expect(kept).not.toHaveProperty('token');
    expect(kept).not.toHaveProperty('sealed');
    expect(await vault.list()).toEqual([kept]);
    expect(await vault.reveal(kept.id)).toBe(token);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(3, 40));
    expect(JSON.stringify(await vault.list())).not.toContain(token);
    // no temp files left behind
    expect((await readdir(join(path, '..'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces (renew), forgets and forgets per account', async () => {
    const path = await tempVault();
    const vault = createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'weak'));
    expect(await vault.protection()).toBe('weak');
    let changes = 0;
    vault.onChange(() => changes++);
    const [a, b] = await Promise.all([vault.add({ ...meta, token: 'tok-a-123456' }), vault.add({ ...meta, account: 'other', token: 'tok-b-123456' })]);
    expect((await vault.list()).length).toBe(2);
    const renewed = await vault.replace(a.id, { ...meta, issuedAt: '2026-01-03T00:00:00.000Z', expiresAt: '2026-01-04T00:00:00.000Z', token: 'tok-a-renewed' });
    expect(renewed.id).toBe(a.id);
    expect(await vault.reveal(a.id)).toBe('tok-a-renewed');
    expect(await vault.forgetAccount('p1', 'default', 'karpor-guest')).toBe(1);
    expect(await vault.forget(b.id)).toBe(true);
    expect(await vault.forget(b.id)).toBe(false);
    await expect(vault.reveal(b.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(changes).toBe(5); // two adds, a replace, a per-account forget, one forget (the second found nothing)
  });

  it('a different key cannot decrypt: clear error, no token', async () => {
    const path = await tempVault();
    const added = await createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'os')).add({ ...meta, token: 'tok-x-123456' });
    const other = createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'os'));
    await expect(other.reveal(added.id)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/can no longer be decrypted/) });
  });

  it('sets a damaged file aside and says so', async () => {
    const path = await tempVault();
    const vault = createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'os'));
    await vault.add({ ...meta, token: 'tok-y-123456' });
    await writeFile(path, '{"version": 1, "entries": [{"id": 3}]}');
    expect(await vault.list()).toEqual([]);
    expect(vault.takeNotice()).toMatch(/damaged.*set aside/);
    expect(vault.takeNotice()).toBeNull();
  });

  it('safeStorage adapter: basic_text on Linux is weak, a keyring is not', async () => {
    const key = randomBytes(32);
    const aes = createAesGcmEncryptor(key, 'os');
    const storage = (backend: 'basic_text' | 'gnome_libsecret') => ({
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => backend,
      encryptStringAsync: (s: string) => aes.encrypt(s),
      decryptStringAsync: async (b: Buffer) => ({ shouldReEncrypt: false, result: await aes.decrypt(b) }),
    });
    expect((await createSafeStorageEncryptor(storage('basic_text'), 'linux')).protection).toBe('weak');
    const strong = await createSafeStorageEncryptor(storage('gnome_libsecret'), 'linux');
    expect(strong.protection).toBe('os');
    expect(await strong.decrypt(await strong.encrypt('hello'))).toBe('hello');
    expect((await createSafeStorageEncryptor(storage('basic_text'), 'darwin')).protection).toBe('os');
  });
});

describe('following kept tokens for expiry notifications', () => {
  it('reports metadata now and after each change, never the token', async () => {
    const path = await tempVault();
    const vault = createTokenVault(path, createAesGcmEncryptor(randomBytes(32), 'os'));
    const seen: unknown[][] = [];
    const stop = followKeptTokens(vault, (t) => seen.push(t));
    await expect.poll(() => seen.length).toBe(1);
    const kept = await vault.add({ ...meta, token: 'tok-follow-123456' });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toEqual([{ id: kept.id, account: 'default/karpor-guest', issuedAt: meta.issuedAt, expiresAt: meta.expiresAt }]);
    stop();
    await vault.forget(kept.id);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(2);
    expect(JSON.stringify(seen)).not.toContain('tok-follow');
  });
});
