// The one IPC contract: every channel the renderer may invoke, every event main pushes, with the
// zod schemas that both transports (Electron IPC and the dev bridge) validate against.
// Channels are `domain:action`; each takes exactly one argument (an object, or nothing).
import { z } from 'zod';
import { profileInputSchema, profileSchema, preferencesSchema, preferencesPatchSchema, settingsSchema } from '../store/settings-schema.ts';
import { accountsChannels } from '../accounts/accounts-schemas.ts';
import { dashboardChannels } from '../dashboard/dashboard-schemas.ts';
import { forwardChannels, forwardEvents } from '../forward/forward-channels.ts';
import { desktopChannels } from '../desktop/desktop-channels.ts';

export const errorCodes = [
  'BAD_REQUEST', // arguments of the wrong shape, or a value that fails validation
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'KUBECONFIG_INVALID', // kubeconfig missing, empty, not YAML, no contexts, unknown context
  'UNAVAILABLE', // cluster, hub or forward not reachable right now
  'UNSUPPORTED', // not possible on this transport/platform (e.g. a file dialog in the browser bridge)
  'PORT_IN_USE',
  'TIMEOUT',
  'INTERNAL',
] as const;

export const ipcErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  hint: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type ErrorCode = IpcError['code'];

/** What crosses the boundary: never a thrown Error (Electron keeps only its message). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const none = z.undefined();

export const kubeContextSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  user: z.string(),
  namespace: z.string().optional(),
  server: z.string().optional(),
});

export const kubeContextsSchema = z.object({
  /** The files kubectl would read, in merge order. */
  files: z.array(z.string()),
  currentContext: z.string().nullable(),
  contexts: z.array(kubeContextSchema),
});

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  /** `electron` inside the app; `bridge` when the renderer runs in a browser through the dev bridge. */
  transport: z.enum(['electron', 'bridge']),
});

export const settingsViewSchema = z.object({
  settings: settingsSchema,
  /** Things the user must be told, e.g. "the settings file was corrupt and was reset (backup at ...)". */
  notices: z.array(z.string()),
});

const pathArg = z.object({ kubeconfigPath: z.string().min(1).max(4096).optional() }).strict();
const idArg = z.object({ id: z.string().min(1).max(64) }).strict();

export const channels = {
  'app:info': { input: none, output: appInfoSchema },
  'kube:contexts': { input: pathArg.optional(), output: kubeContextsSchema },
  'kube:pickFile': { input: none, output: z.object({ path: z.string().nullable() }) },
  'settings:get': { input: none, output: settingsViewSchema },
  'profiles:save': { input: profileInputSchema, output: profileSchema },
  'profiles:delete': { input: idArg, output: z.object({ deleted: z.boolean() }) },
  'profiles:activate': { input: idArg, output: profileSchema },
  'preferences:update': { input: preferencesPatchSchema, output: preferencesSchema },
  ...accountsChannels,
  ...dashboardChannels,
  ...forwardChannels,
  ...desktopChannels,
} as const;

export const events = {
  'settings:changed': settingsViewSchema,
  ...forwardEvents,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

/** `kube:contexts` -> api.kube.contexts(...): the shape the preload exposes and the renderer calls. */
type Split<S extends string> = S extends `${infer D}:${infer A}` ? [D, A] : never;
type Domains = Split<Channel>[0];
export type KarporApi = {
  [D in Domains]: {
    [C in Channel as Split<C>[0] extends D ? Split<C>[1] : never]: undefined extends ChannelInput<C>
      ? (input?: ChannelInput<C>) => Promise<ChannelOutput<C>>
      : (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  };
} & {
  /** Subscribe to an event main pushes; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
