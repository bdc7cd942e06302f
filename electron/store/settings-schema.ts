// Shape of the settings file (nothing secret ever goes here) and of the values that update it.
import { z } from 'zod';

export const SETTINGS_VERSION = 1;

/** RFC 1123 label, as Kubernetes names namespaces and Services. */
export const dnsLabel = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be lower-case letters, digits and "-", starting and ending with a letter or digit');

export const portNumber = z.number().int().min(1).max(65535);

export const profileInputSchema = z
  .object({
    /** Omit to create a new profile. */
    id: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(100),
    /** null: resolve like kubectl (KUBECONFIG list, then ~/.kube/config). */
    kubeconfigPath: z.string().min(1).max(4096).nullable(),
    context: z.string().min(1).max(253),
    namespace: dnsLabel.default('karpor'),
    service: dnsLabel.default('karpor-server'),
    servicePort: portNumber.default(7443),
    localPort: portNumber.default(7443),
  })
  .strict();

export const profileSchema = profileInputSchema.required({ id: true });
export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileInputSchema>;

export const preferencesSchema = z
  .object({
    startForwardingOnLaunch: z.boolean().default(true),
    /**
     * Whether forwarding was on when the app last ran (kept by the shell, not shown as a setting): with
     * startForwardingOnLaunch, a launch restores the last state, so a forward the user stopped stays
     * stopped. Defaulted, so files written before it existed stay valid without a migration.
     */
    forwardingWasOn: z.boolean().default(true),
    launchAtLogin: z.boolean().default(false),
    language: z.enum(['system', 'en', 'zh-CN']).default('system'),
    theme: z.enum(['system', 'light', 'dark']).default('system'),
    keepTokens: z.boolean().default(true),
    /** Account "Open dashboard" uses ("name" or "namespace/name"); null: ask. */
    dashboardDefaultAccount: z.string().trim().min(1).max(317).nullable().default(null),
    /** Lifetime of tokens minted to open the dashboard, kubectl-style ("8h", "7d"). */
    dashboardTokenDuration: z.string().trim().regex(/^(\d+[ydhms])+$/, 'a duration such as "8h", "90m" or "7d"').default('8h'),
    dashboardOpenIn: z.enum(['app', 'browser']).default('app'),
    /** After minting a token for an account in the window, open the dashboard as that account. */
    dashboardAutoOpenAfterMint: z.boolean().default(true),
    /** Open the dashboard when forwarding first becomes ready (for people who live in the dashboard). */
    dashboardOpenWhenReady: z.boolean().default(false),
  })
  .strict();
export type Preferences = z.output<typeof preferencesSchema>;

// Not preferencesSchema.partial(): zod 4 still applies each field's default there, so a one-key
// patch would reset every other preference. Each field without its default, optional instead.
type PreferencesShape = typeof preferencesSchema.shape;
const preferencesPatchShape = Object.fromEntries(
  Object.entries(preferencesSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
) as { [K in keyof PreferencesShape]: z.ZodOptional<ReturnType<PreferencesShape[K]['unwrap']>> };
export const preferencesPatchSchema = z.object(preferencesPatchShape).strict();
export type PreferencesPatch = z.input<typeof preferencesPatchSchema>;

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    profiles: z.array(profileSchema),
    activeProfileId: z.string().nullable(),
    preferences: preferencesSchema,
  })
  .strict();
export type Settings = z.output<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return { schemaVersion: SETTINGS_VERSION, profiles: [], activeProfileId: null, preferences: preferencesSchema.parse({}) };
}
