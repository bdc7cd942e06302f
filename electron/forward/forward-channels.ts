// The forward's part of the IPC contract (spread into electron/ipc/contract.ts).
import { z } from 'zod';
import { forwardLogEntrySchema, forwardStateSchema, forwardTargetSchema } from './forward-state.ts';

export const forwardStatusSchema = z.object({
  /** The profile this forward belongs to (the active one); null when there is no profile yet. */
  profileId: z.string().nullable(),
  target: forwardTargetSchema.nullable(),
  state: forwardStateSchema,
});
export type ForwardStatusView = z.output<typeof forwardStatusSchema>;

const none = z.undefined();

export const forwardChannels = {
  'forward:state': { input: none, output: forwardStatusSchema },
  'forward:start': { input: none, output: forwardStatusSchema },
  'forward:stop': { input: none, output: forwardStatusSchema },
  'forward:recheck': { input: none, output: forwardStatusSchema },
  /** After PORT_IN_USE: move to the suggested free port and save it in the profile. */
  'forward:usePort': { input: none, output: forwardStatusSchema },
  'forward:log': { input: none, output: z.object({ entries: z.array(forwardLogEntrySchema) }) },
} as const;

export const forwardEvents = {
  'forward:changed': forwardStatusSchema,
} as const;
