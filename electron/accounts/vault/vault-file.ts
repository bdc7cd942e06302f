// The vault's file: separate from settings, owner-only (0600), replaced atomically so a crash mid-write
// never leaves a truncated vault. Only metadata is readable; each token is sealed by the Encryptor.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const vaultEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    /** Which hub the token belongs to (profile id, or "import" for an imported hub kubeconfig). */
    hubId: z.string().min(1).max(200),
    account: z.string().min(1).max(253),
    namespace: z.string().min(1).max(63),
    role: z.string().max(253).nullable(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** What was asked for, so "renew" asks for the same again. */
    requestedSeconds: z.number().int().positive(),
    /** base64 of the Encryptor's output; never the token itself. */
    sealed: z.string().min(1),
  })
  .strict();
export type VaultEntry = z.output<typeof vaultEntrySchema>;

const vaultFileSchema = z
  .object({
    version: z.literal(1),
    entries: z.array(vaultEntrySchema),
  })
  .strict();
type VaultFile = z.output<typeof vaultFileSchema>;

export type VaultRead = { entries: VaultEntry[]; notice: string | null };

export async function readVaultFile(path: string): Promise<VaultRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], notice: null };
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (parsed.success) return { entries: parsed.data.entries, notice: null };
  // A damaged vault is set aside, not deleted: the user may want to look at it.
  const aside = `${path}.damaged-${Date.now()}`;
  await rename(path, aside);
  return { entries: [], notice: `The token vault was damaged and was set aside as ${aside}; kept tokens must be minted again.` };
}

export async function writeVaultFile(path: string, entries: readonly VaultEntry[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const body: VaultFile = { version: 1, entries: [...entries] };
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  // The umask may have narrowed the mode further, never widened it; chmod anyway in case of odd umasks.
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}
