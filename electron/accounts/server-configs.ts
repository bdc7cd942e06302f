// Whether the hub enforces RBAC. With RBAC off, Karpor strips the Authorization header and allows everything,
// so tokens have no effect: the user must be told plainly rather than left wondering why nothing changes.
import { z } from 'zod';
import { hubRequest } from './hub-http.ts';
import { fail } from './errors.ts';
import { toAppError } from './hub-errors.ts';

const serverConfigsSchema = z.object({ CoreOptions: z.object({ EnableRBAC: z.boolean() }).loose() }).loose();

export const RBAC_OFF_NOTICE =
  'RBAC is off on this Karpor server: the dashboard needs no token and every visitor may do everything. ' +
  'Tokens you mint here still work against the hub API but have no effect in the dashboard. ' +
  'To require tokens, enable RBAC: helm upgrade karpor kusionstack/karpor -n karpor --reuse-values --set server.enableRbac=true';

export async function readRbacEnabled(server: string): Promise<boolean> {
  let res;
  try {
    res = await hubRequest(server, '/server-configs');
  } catch (err) {
    throw toAppError(err, 'reading /server-configs', `the Karpor hub at ${server}`);
  }
  if (res.status !== 200) throw fail('UNAVAILABLE', `the Karpor hub at ${server} answered ${res.status} to /server-configs`);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  const parsed = serverConfigsSchema.safeParse(json);
  if (!parsed.success) {
    throw fail('UNAVAILABLE', `the server at ${server} answered /server-configs without CoreOptions.EnableRBAC`, 'Is this really a Karpor server (v0.6 or later)?');
  }
  return parsed.data.CoreOptions.EnableRBAC;
}
