// Authentication as kube-apiserver does it: a verified client certificate (CN = user, O = groups), else a bearer
// token from the static token table; an unknown token is 401 with no fallback; no credentials = system:anonymous.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { identityFromCert } from '../hub/certs.ts';
import type { UserInfo } from '../hub/rbac.ts';

export type AuthResult = { ok: true; user: UserInfo } | { ok: false };

export function authenticate(req: IncomingMessage, tokens: ReadonlyMap<string, UserInfo>): AuthResult {
  const socket = req.socket as TLSSocket;
  if (socket.authorized) {
    const id = identityFromCert(socket.getPeerCertificate().raw);
    if (id) return { ok: true, user: { name: id.user, groups: [...id.groups, 'system:authenticated'] } };
  }
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const known = m?.[1] ? tokens.get(m[1]) : undefined;
    if (!known) return { ok: false };
    return { ok: true, user: { name: known.name, groups: [...known.groups, 'system:authenticated'] } };
  }
  return { ok: true, user: { name: 'system:anonymous', groups: ['system:unauthenticated'] } };
}
