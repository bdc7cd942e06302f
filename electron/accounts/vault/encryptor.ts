// What the vault needs from a cipher. The app passes Electron's safeStorage (async API); tests, the CLI and
// the browser dev bridge pass an AES-GCM one. `protection` is what the UI tells the user about the vault.
import type { SafeStorage } from 'electron';

export type VaultProtection = 'os' | 'weak';

export interface Encryptor {
  readonly protection: VaultProtection;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

type AsyncSafeStorage = Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend' | 'isAsyncEncryptionAvailable'>;

/**
 * safeStorage after `app.whenReady()`. On Linux the `basic_text` backend encrypts with a key hard-coded in
 * Chromium, so the vault is only obscured: we say so instead of pretending it is protected.
 */
export async function createSafeStorageEncryptor(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): Promise<Encryptor> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const weak = !available || (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    protection: weak ? 'weak' : 'os',
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
}
