import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVault } from '../../electron/accounts/vault/token-vault.ts';
import { createAesGcmEncryptor } from '../../electron/accounts/vault/aes-gcm-encryptor.ts';
import { openAfterMint } from '../../electron/dashboard/open-after-mint.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function vault() {
  const dir = await mkdtemp(join(tmpdir(), 'karpor-after-mint-'));
  dirs.push(dir);
  return createTokenVault(join(dir, 'tokens.json'), createAesGcmEncryptor(randomBytes(32), 'os'));
}
const entry = (account: string, namespace = 'default') => ({
  hubId: 'p1',
  account,
  namespace,
  role: 'karpor-guest',
  issuedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-01-02T00:00:00.000Z',
  requestedSeconds: 86_400,
  token: `eyJ${randomBytes(16).toString('hex')}`,
});

describe('open the dashboard after minting', () => {
  it('opens as the account of a token kept after watching began, not for older ones or its own', async () => {
    const v = await vault();
    await v.add(entry('old-account'));
    const opened: string[] = [];
    const watch = openAfterMint(v, () => true, (a) => void opened.push(a), 20);
    await new Promise((r) => setTimeout(r, 50));
    await v.add(entry('karpor-guest'));
    await expect.poll(() => opened).toEqual(['karpor-guest']);
    const own = await v.add(entry('karpor-admin'));
    watch.ownMint(own.id);
    await v.add(entry('viewer', 'team'));
    await expect.poll(() => opened).toEqual(['karpor-guest', 'team/viewer']);
    watch.dispose();
    await v.add(entry('after-dispose'));
    await new Promise((r) => setTimeout(r, 80));
    expect(opened).toEqual(['karpor-guest', 'team/viewer']);
  });

  it('opens nothing when the setting is off', async () => {
    const v = await vault();
    const opened: string[] = [];
    const watch = openAfterMint(v, () => false, (a) => void opened.push(a), 10);
    await new Promise((r) => setTimeout(r, 30));
    await v.add(entry('karpor-guest'));
    await new Promise((r) => setTimeout(r, 80));
    expect(opened).toEqual([]);
    watch.dispose();
  });
});
