// The two questions the script asks the dashboard's own server (same origin, so no CORS and no
// other host): is RBAC on, and does it accept this token. Asking before touching the form turns a
// rejected token into a precise reason (expired or deleted vs. no role) instead of guessing from a
// translated error message, and never submits a token the server already refused.
import * as z from 'zod/mini';

const serverConfigsSchema = z.object({ CoreOptions: z.object({ EnableRBAC: z.boolean() }) });

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** True unless the server says RBAC is off; when unsure, behave as if it were on (the safe side). */
export async function isRbacEnabled(fetchFn: Fetch): Promise<boolean> {
  try {
    const res = await fetchFn('/server-configs', { credentials: 'omit', cache: 'no-store' });
    if (!res.ok) return true;
    const parsed = serverConfigsSchema.safeParse(await res.json());
    return parsed.success ? parsed.data.CoreOptions.EnableRBAC : true;
  } catch {
    return true;
  }
}

export type TokenCheck = { ok: true } | { ok: false; status: number | null };

export async function checkToken(fetchFn: Fetch, token: string): Promise<TokenCheck> {
  try {
    const res = await fetchFn('/rest-api/v1/authn', { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
    // Drain the body so the connection can be reused; its content does not matter here.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true } : { ok: false, status: res.status };
  } catch {
    return { ok: false, status: null };
  }
}
