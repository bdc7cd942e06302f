// What the host (the Electron window, or a test) hands the auto-login script, and what the script
// reports back. Shared by both sides so they agree on one shape; nothing here knows about Electron.
import * as z from 'zod/mini';

/** The global the host sets before the script runs; the script reads it once and deletes it. */
export const AUTOLOGIN_GLOBAL = '__karporAutologin';
/** Prefix of the console line the script writes when the host gave no `report` function. */
export const REPORT_PREFIX = '[karpor-autologin]';

export const autologinConfigSchema = z.object({
  /** Absent when RBAC is off: the dashboard never asks for one, and the script does nothing. */
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(16_384))),
  /** Shown (instead of the login box) while the script logs in; the host passes it in the user's language. */
  signingInLabel: z.optional(z.string().check(z.maxLength(200))),
  /** At most this many login submissions within `windowMs`; then stop and report instead of looping. */
  maxAttempts: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  windowMs: z.optional(z.int().check(z.minimum(1_000), z.maximum(120_000))),
});
export type AutologinConfig = z.infer<typeof autologinConfigSchema>;

export const failureReasons = [
  'rejected', // 401: the token expired, was revoked, or its ServiceAccount was deleted
  'forbidden', // 403: the token is valid but its account is bound to no role that may log in
  'unreachable', // the dashboard's server did not answer
  'server-error', // any other answer to the token check
  'no-login-form', // the login page never showed an input and a button we recognise
  'repeated', // the login page kept coming back: stopped instead of looping
] as const;
export type FailureReason = (typeof failureReasons)[number];

export const autologinReportSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('logged-in') }),
  z.object({ type: z.literal('rbac-off') }),
  /** The user pressed Logout: respected, the login box stays. */
  z.object({ type: z.literal('logged-out') }),
  z.object({ type: z.literal('failed'), reason: z.enum(failureReasons), status: z.optional(z.int()) }),
]);
/** Never carries the token. */
export type AutologinReport = z.infer<typeof autologinReportSchema>;
export type Reporter = (report: AutologinReport) => void;

export const consoleReporter: Reporter = (report) => {
  console.info(`${REPORT_PREFIX} ${JSON.stringify(report)}`);
};

/** Parse one console line written by `consoleReporter`; null for every other line. */
export function parseConsoleReport(line: string): AutologinReport | null {
  if (!line.startsWith(`${REPORT_PREFIX} `)) return null;
  try {
    const parsed = autologinReportSchema.safeParse(JSON.parse(line.slice(REPORT_PREFIX.length + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface InjectedConfig {
  config: AutologinConfig;
  report: Reporter | null;
}

/**
 * Take the host's config off the global so nothing else in this world can read it later.
 * In Electron this world is an isolated one that page scripts cannot see at all.
 */
export function takeInjectedConfig(scope: object): InjectedConfig | null {
  const raw: unknown = Reflect.get(scope, AUTOLOGIN_GLOBAL);
  Reflect.deleteProperty(scope, AUTOLOGIN_GLOBAL);
  if (typeof raw !== 'object' || raw === null) return null;
  const report: unknown = Reflect.get(raw, 'report');
  const parsed = autologinConfigSchema.safeParse({
    token: Reflect.get(raw, 'token'),
    signingInLabel: Reflect.get(raw, 'signingInLabel'),
    maxAttempts: Reflect.get(raw, 'maxAttempts'),
    windowMs: Reflect.get(raw, 'windowMs'),
  });
  if (!parsed.success) {
    // The token may be in what failed to parse: say which field, never the value.
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    console.warn(`${REPORT_PREFIX} ignored an invalid config (fields: ${fields})`);
    return null;
  }
  return { config: parsed.data, report: typeof report === 'function' ? (report as Reporter) : null };
}
