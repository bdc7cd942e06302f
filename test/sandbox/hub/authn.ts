import type { TLSSocket } from 'node:tls';
import { identityFromCert } from './certs.ts';
import type { UserInfo } from './rbac.ts';
import { serviceAccountUser, type TokenSigner } from './tokens.ts';

export const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

export interface AuthnContext {
  signer: TokenSigner;
  /** The uid of a ServiceAccount that exists now, or undefined (service-account lookup, as Karpor enables it). */
  serviceAccountUid(namespace: string, name: string): string | undefined;
  now(): Date;
}

export type AuthnResult = { ok: true; user: UserInfo } | { ok: false };

/**
 * The bearer token the way k8s.io/apiserver's bearertoken authenticator reads it: a header that is not
 * `Bearer <token>`, or an empty token (what the dashboard sends after logout), is no token at all (anonymous).
 */
function bearer(header: string | undefined): string | undefined {
  const parts = (header ?? '').trim().split(' ', 3);
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'bearer') return undefined;
  return parts[1] || undefined;
}

/**
 * Authenticates like the generic API server's union authenticator: a client certificate signed by the hub CA,
 * else a bearer token this hub issued; a credential that is present but invalid is a 401, never anonymous.
 * The TLS layer has already checked the certificate chain against the hub CA (`socket.authorized`).
 */
export async function authenticate(socket: TLSSocket, authorization: string | undefined, ctx: AuthnContext): Promise<AuthnResult> {
  const peer = socket.getPeerCertificate();
  const hasCert = Boolean(peer && peer.raw);
  if (hasCert && socket.authorized) {
    const id = identityFromCert(peer.raw);
    if (id) return { ok: true, user: { name: id.user, groups: [...id.groups, 'system:authenticated'] } };
  }
  const token = bearer(authorization);
  if (token !== undefined) {
    const sa = await ctx.signer.verify(token, ctx.now());
    if (!sa || ctx.serviceAccountUid(sa.namespace, sa.name) !== sa.uid) return { ok: false };
    return { ok: true, user: serviceAccountUser(sa) };
  }
  if (hasCert) return { ok: false };
  return { ok: true, user: ANONYMOUS };
}
