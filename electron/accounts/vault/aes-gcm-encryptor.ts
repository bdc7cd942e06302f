// AES-256-GCM with a caller-held key: for the CLI, the dev bridge and tests, where Electron's safeStorage
// does not exist. A key kept next to the data protects nothing, hence `protection` is chosen by the caller.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor, VaultProtection } from './encryptor.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createAesGcmEncryptor(key: Buffer, protection: VaultProtection): Encryptor {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    protection,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
