// The desktop shell's part of the IPC contract (spread into electron/ipc/contract.ts).
import { z } from 'zod';
import { noTrayMessageKeys } from './tray-support.ts';

export const desktopStatusSchema = z.object({
  /** i18n key of "no tray icon on this desktop, here is how to get one"; null where a tray shows. */
  noTrayMessageKey: z.enum(noTrayMessageKeys).nullable(),
});
export type DesktopStatus = z.output<typeof desktopStatusSchema>;

export const desktopChannels = {
  'app:desktopStatus': { input: z.undefined(), output: desktopStatusSchema },
} as const;
