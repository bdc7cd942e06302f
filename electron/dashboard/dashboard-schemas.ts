// IPC schemas of the dashboard channel (spread into electron/ipc/contract.ts). No result carries a token.
import { z } from 'zod';

export const dashboardOpenInput = z
  .object({
    /** "name" or "namespace/name"; omitted: the default account setting. */
    account: z.string().trim().min(1).max(317).optional(),
    target: z.enum(['app', 'browser']).optional(),
  })
  .strict()
  .optional();

export const dashboardOpenedSchema = z.object({
  url: z.string(),
  account: z.string().nullable(),
  target: z.enum(['app', 'browser']),
  token: z.enum(['reused', 'minted', 'none']),
  expiresAt: z.string().nullable(),
});

export const dashboardChannels = {
  'dashboard:open': { input: dashboardOpenInput, output: dashboardOpenedSchema },
} as const;
