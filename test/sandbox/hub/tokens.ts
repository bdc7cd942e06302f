import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { serviceAccountUsername, type UserInfo } from './rbac.ts';

/** Kubernetes' default service-account issuer; also the API audience when a request names none. */
export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const MIN_EXPIRATION_SECONDS = 600;
export const DEFAULT_EXPIRATION_SECONDS = 3600;

const claimsSchema = z.object({
  sub: z.string(),
  'kubernetes.io': z.object({
    namespace: z.string(),
    serviceaccount: z.object({ name: z.string(), uid: z.string() }),
  }),
});

export interface ServiceAccountRef {
  namespace: string;
  name: string;
  uid: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenSigner {
  issue(sa: ServiceAccountRef, audiences: readonly string[], expirationSeconds: number, now: Date): Promise<IssuedToken>;
  /** The service account a token names, or undefined when it is not a valid, unexpired token of this hub for the API. */
  verify(token: string, now: Date): Promise<ServiceAccountRef | undefined>;
}

/** Tokens signed with the hub CA key (Karpor signs with the key in Secret `karpor-secret`). */
export function createTokenSigner(keys: CryptoKeyPair): TokenSigner {
  return {
    async issue(sa, audiences, expirationSeconds, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + expirationSeconds;
      const token = await new SignJWT({
        'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid: sa.uid } },
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'karpor-secret' })
        .setIssuer(ISSUER)
        .setSubject(serviceAccountUsername(sa.namespace, sa.name))
        .setAudience(audiences.length > 0 ? [...audiences] : [ISSUER])
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(exp)
        .setJti(randomUUID())
        .sign(keys.privateKey);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, keys.publicKey, { issuer: ISSUER, audience: ISSUER, currentDate: now, algorithms: ['ES256'] });
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) return undefined;
        const k = claims.data['kubernetes.io'];
        if (claims.data.sub !== serviceAccountUsername(k.namespace, k.serviceaccount.name)) return undefined;
        return { namespace: k.namespace, name: k.serviceaccount.name, uid: k.serviceaccount.uid };
      } catch (e) {
        if (e instanceof errors.JOSEError) return undefined;
        throw e;
      }
    },
  };
}

export function serviceAccountUser(sa: ServiceAccountRef): UserInfo {
  return {
    name: serviceAccountUsername(sa.namespace, sa.name),
    uid: sa.uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`, 'system:authenticated'],
  };
}
