import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { badRequest, invalid, methodNotAllowed, notFound } from '../common/status.ts';
import { sendJson, sendStatus } from './http-util.ts';
import type { ApiContext } from './api-routes.ts';
import { decodeBody } from './request-body.ts';
import type { ResourceRequestInfo } from '../common/request-info.ts';
import type { ResourceDef } from './resources.ts';
import { kubeTime } from './state.ts';
import { DEFAULT_EXPIRATION_SECONDS, ISSUER, MIN_EXPIRATION_SECONDS } from './tokens.ts';

const tokenRequestBody = z
  .object({
    spec: z
      .object({
        audiences: z.array(z.string()).nullish(),
        expirationSeconds: z.number().int().nullish(),
        boundObjectRef: z.unknown().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** `POST .../serviceaccounts/{name}/token`: the TokenRequest subresource, with Kubernetes' limits. */
export async function tokenRequest(req: IncomingMessage, res: ServerResponse, info: ResourceRequestInfo, ctx: ApiContext, saDef: ResourceDef): Promise<void> {
  if (info.verb !== 'create') return sendStatus(res, methodNotAllowed());
  const sa = ctx.store.get(saDef, info.namespace, info.name);
  if (!sa) return sendStatus(res, notFound('', 'serviceaccounts', info.name));
  const decoded = await decodeBody(req);
  if (!decoded.ok) return sendStatus(res, decoded.status);
  const parsed = tokenRequestBody.safeParse(decoded.value);
  if (!parsed.success) return sendStatus(res, badRequest('the TokenRequest in the request body is malformed'));
  const spec = parsed.data.spec ?? {};
  let seconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (seconds < MIN_EXPIRATION_SECONDS) {
    // The same Invalid the Kubernetes TokenRequest REST storage returns (its validation error, name left empty).
    return sendStatus(res, invalid('authentication.k8s.io', 'TokenRequest', '', [
      { reason: 'FieldValueInvalid', message: `Invalid value: ${seconds}: may not specify a duration less than 10 minutes`, field: 'spec.expirationSeconds' },
    ]));
  }
  if (seconds > 2 ** 32) {
    return sendStatus(res, invalid('authentication.k8s.io', 'TokenRequest', '', [
      { reason: 'FieldValueTooLong', message: `Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`, field: 'spec.expirationSeconds' },
    ]));
  }
  // Like `--service-account-max-token-expiration`: a longer request is shortened, not refused.
  seconds = Math.min(seconds, ctx.maxTokenExpirationSeconds);
  const now = ctx.now();
  const audiences = spec.audiences ?? [];
  const issued = await ctx.signer.issue({ namespace: info.namespace, name: info.name, uid: sa.metadata.uid }, audiences, seconds, now);
  sendJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: info.name, namespace: info.namespace, creationTimestamp: kubeTime(now) },
    spec: { audiences: audiences.length > 0 ? audiences : [ISSUER], expirationSeconds: seconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: issued.token, expirationTimestamp: kubeTime(issued.expiresAt) },
  });
}

