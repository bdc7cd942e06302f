// IPC schemas of the hub, accounts and tokens channels (imported by electron/ipc/contract.ts).
// No result carries a token except tokens:create and tokens:reveal, which exist to hand one over.
import { z } from 'zod';

const name = z.string().trim().min(1).max(253);
const namespace = z.string().trim().min(1).max(63).default('default');
const id = z.string().min(1).max(64);
const iso = z.string().min(1);

export const hubStatusSchema = z.object({
  source: z.enum(['configmap', 'file']),
  origin: z.string(),
  server: z.string(),
  viaForward: z.boolean(),
  rbacEnabled: z.boolean(),
  notice: z.string().nullable(),
});

export const hubImportInput = z.object({ path: z.string().min(1).max(4096) }).strict();

export const accountSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  createdAt: z.string().nullable(),
  roles: z.array(z.object({ role: z.string(), binding: z.string(), bindingNamespace: z.string().nullable() })),
});

export const accountsListOutput = z.object({ accounts: z.array(accountSchema) });
export const rolesOutput = z.object({ roles: z.array(z.string()), defaultRole: z.string().nullable() });

export const accountCreateInput = z.object({ name, namespace, role: z.string().trim().min(1).max(253) }).strict();
export const accountCreateOutput = z.object({ account: accountSchema, created: z.boolean() });

export const accountDeleteInput = z.object({ name, namespace }).strict();
export const accountDeleteOutput = z.object({
  deletedBindings: z.array(z.string()),
  keptBindings: z.array(z.string()),
  forgottenTokens: z.number().int(),
});

// What every token record says about the token (never the token itself).
const tokenFacts = {
  account: z.string(),
  namespace: z.string(),
  role: z.string().nullable(),
  issuedAt: iso,
  expiresAt: iso,
  requestedSeconds: z.number().int(),
};

export const keptTokenSchema = z.object({ id, hubId: z.string(), ...tokenFacts });

export const tokenCreateInput = z
  .object({
    account: name,
    namespace,
    duration: z.string().trim().min(1).max(32),
    /** Omit to follow the keepTokens preference. */
    keep: z.boolean().optional(),
  })
  .strict();

export const mintedTokenSchema = z.object({
  token: z.string(),
  ...tokenFacts,
  grantedSeconds: z.number().int(),
  shortenedBySeconds: z.number().int().nullable(),
  notice: z.string().nullable(),
  kept: keptTokenSchema.nullable(),
});

/** Renew keeps the new token in the vault; the window copies or reveals it from there like any kept token. */
export const renewedTokenSchema = mintedTokenSchema.omit({ token: true }).extend({ kept: keptTokenSchema });

export const tokensListOutput = z.object({
  /** 'weak': Linux basic_text backend (or no keyring) — the vault is only obscured. */
  protection: z.enum(['os', 'weak']),
  keepTokens: z.boolean(),
  tokens: z.array(keptTokenSchema),
  notice: z.string().nullable(),
});

export const tokenIdInput = z.object({ id }).strict();
export const tokenRevealOutput = z.object({ token: z.string() });
export const tokenCopyOutput = z.object({ clearsAfterSeconds: z.number().int() });
export const tokenForgetOutput = z.object({ forgotten: z.boolean() });

export const tokenExportInput = z
  .object({
    id,
    /** Omit to write karpor-<namespace>-<account>.kubeconfig in the home folder. */
    path: z.string().min(1).max(4096).optional(),
  })
  .strict();
export const tokenExportOutput = z.object({ path: z.string(), server: z.string() });

export const accountsChannels = {
  'hub:status': { input: z.undefined(), output: hubStatusSchema },
  'hub:import': { input: hubImportInput, output: hubStatusSchema },
  'accounts:list': { input: z.undefined(), output: accountsListOutput },
  'accounts:roles': { input: z.undefined(), output: rolesOutput },
  'accounts:create': { input: accountCreateInput, output: accountCreateOutput },
  'accounts:delete': { input: accountDeleteInput, output: accountDeleteOutput },
  'tokens:create': { input: tokenCreateInput, output: mintedTokenSchema },
  'tokens:list': { input: z.undefined(), output: tokensListOutput },
  'tokens:reveal': { input: tokenIdInput, output: tokenRevealOutput },
  'tokens:copy': { input: tokenIdInput, output: tokenCopyOutput },
  'tokens:forget': { input: tokenIdInput, output: tokenForgetOutput },
  'tokens:renew': { input: tokenIdInput, output: renewedTokenSchema },
  'tokens:exportKubeconfig': { input: tokenExportInput, output: tokenExportOutput },
} as const;
