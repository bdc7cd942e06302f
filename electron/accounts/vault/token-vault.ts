// Tokens the user chose to keep. Lists carry metadata only; the token leaves the vault through `reveal`.
import { randomUUID } from 'node:crypto';
import type { Encryptor, VaultProtection } from './encryptor.ts';
import { readVaultFile, writeVaultFile, type VaultEntry } from './vault-file.ts';
import { fail } from '../errors.ts';

export type KeptToken = Omit<VaultEntry, 'sealed'>;
export type NewKeptToken = Omit<KeptToken, 'id'> & { token: string };

export interface TokenVault {
  protection(): Promise<VaultProtection>;
  /** Called after every change (for the expiry notifications); returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  list(): Promise<KeptToken[]>;
  get(id: string): Promise<KeptToken>;
  add(token: NewKeptToken): Promise<KeptToken>;
  /** Put a fresh token in place of an old one (renew), keeping the id stable for the UI. */
  replace(id: string, token: Omit<NewKeptToken, 'hubId'>): Promise<KeptToken>;
  reveal(id: string): Promise<string>;
  forget(id: string): Promise<boolean>;
  /** Drop every token of an account that no longer exists (they stopped working with it). */
  forgetAccount(hubId: string, namespace: string, account: string): Promise<number>;
  /** What went wrong reading the file last time (shown once), if anything. */
  takeNotice(): string | null;
}

const strip = ({ sealed: _sealed, ...meta }: VaultEntry): KeptToken => meta;

/** `encryptor` may still be initialising (safeStorage's async encryptor starts lazily). */
export function createTokenVault(path: string, encryptorOrPromise: Encryptor | Promise<Encryptor>): TokenVault {
  const cipher = Promise.resolve(encryptorOrPromise);
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const l of [...listeners]) l();
  };
  let notice: string | null = null;
  // Serialise read-modify-write cycles: two quick "keep" clicks must not lose one entry.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const load = async (): Promise<VaultEntry[]> => {
    const read = await readVaultFile(path);
    if (read.notice) notice = read.notice;
    return read.entries;
  };
  const find = (entries: VaultEntry[], id: string): VaultEntry => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw fail('NOT_FOUND', 'That token is no longer in the vault.', 'Refresh the token list; it may have been forgotten in another window.');
    return entry;
  };
  const seal = async (token: string): Promise<string> => (await (await cipher).encrypt(token)).toString('base64');

  return {
    protection: async () => (await cipher).protection,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: () => exclusive(async () => (await load()).map(strip)),
    get: (id) => exclusive(async () => strip(find(await load(), id))),
    add: (token) =>
      exclusive(async () => {
        const entries = await load();
        const { token: secret, ...meta } = token;
        const entry: VaultEntry = { ...meta, id: randomUUID(), sealed: await seal(secret) };
        await writeVaultFile(path, [...entries, entry]);
        changed();
        return strip(entry);
      }),
    replace: (id, token) =>
      exclusive(async () => {
        const entries = await load();
        const old = find(entries, id);
        const { token: secret, ...meta } = token;
        const entry: VaultEntry = { ...meta, hubId: old.hubId, id, sealed: await seal(secret) };
        await writeVaultFile(path, entries.map((e) => (e.id === id ? entry : e)));
        changed();
        return strip(entry);
      }),
    reveal: (id) =>
      exclusive(async () => {
        const entry = find(await load(), id);
        try {
          return await (await cipher).decrypt(Buffer.from(entry.sealed, 'base64'));
        } catch {
          throw fail('INTERNAL', 'This token can no longer be decrypted (the system key store changed).', 'Forget it and mint a new token for the account.');
        }
      }),
    forget: (id) =>
      exclusive(async () => {
        const entries = await load();
        const rest = entries.filter((e) => e.id !== id);
        if (rest.length === entries.length) return false;
        await writeVaultFile(path, rest);
        changed();
        return true;
      }),
    forgetAccount: (hubId, namespace, account) =>
      exclusive(async () => {
        const entries = await load();
        const rest = entries.filter((e) => !(e.hubId === hubId && e.namespace === namespace && e.account === account));
        if (rest.length !== entries.length) {
          await writeVaultFile(path, rest);
          changed();
        }
        return entries.length - rest.length;
      }),
    takeNotice() {
      const n = notice;
      notice = null;
      return n;
    },
  };
}
