// Turns whatever the hub or the host cluster threw into an AppError that is safe to show and log.
// client-node's ApiException message embeds the whole response body and headers, so it is never used as is:
// we keep the HTTP status and the Kubernetes Status `message`, scrubbed of anything that looks like a credential.
import { z } from 'zod';
import { ApiException } from '@kubernetes/client-node';
import { AppError, fail } from './errors.ts';
import type { ErrorCode } from '../ipc/contract.ts';

const statusBodySchema = z.object({ message: z.string().optional(), reason: z.string().optional() }).loose();

const MAX_MESSAGE = 300;

/** Removes JWTs, bearer values, PEM blocks and long base64 runs from text that came from a server. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, '[redacted PEM]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted token]')
    .replace(/(bearer|basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]')
    .replace(/[A-Za-z0-9+/_-]{60,}={0,2}/g, '[redacted]');
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 408 || status === 504) return 'TIMEOUT';
  return 'UNAVAILABLE';
}

export function apiStatus(err: unknown): number | null {
  return err instanceof ApiException && typeof err.code === 'number' ? err.code : null;
}

/** The server's own explanation (Status.message), scrubbed and shortened, or null. */
function serverMessage(err: ApiException<unknown>): string | null {
  let body: unknown = err.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const parsed = statusBodySchema.safeParse(body);
  if (!parsed.success || !parsed.data.message) return null;
  const msg = scrubSecrets(parsed.data.message);
  return msg.length > MAX_MESSAGE ? `${msg.slice(0, MAX_MESSAGE)}…` : msg;
}

function networkCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

/** `action` says what we were doing, e.g. `creating ServiceAccount default/ci`; `where` names the server. */
export function toAppError(err: unknown, action: string, where: string): AppError {
  if (err instanceof AppError) return err;
  const status = apiStatus(err);
  if (status !== null && err instanceof ApiException) {
    const detail = serverMessage(err);
    const code = codeForStatus(status);
    const hint =
      status === 401
        ? 'The credentials of this kubeconfig were refused; refresh them (log in again) or import another hub kubeconfig.'
        : status === 403
          ? 'Your user lacks the RBAC permission for this; ask an admin of that cluster.'
          : undefined;
    return fail(code, `${where} answered ${status} while ${action}${detail ? `: ${detail}` : ''}`, hint);
  }
  const net = networkCode(err);
  if (net === 'ECONNREFUSED' || net === 'ECONNRESET' || net === 'UND_ERR_SOCKET' || net === 'EPIPE') {
    return fail('UNAVAILABLE', `${where} is not reachable (${net}) while ${action}`, 'Check that the port-forward is running and the Karpor pods are ready.');
  }
  if (net === 'ETIMEDOUT' || net === 'UND_ERR_CONNECT_TIMEOUT' || net === 'UND_ERR_HEADERS_TIMEOUT') {
    return fail('TIMEOUT', `${where} did not answer in time while ${action}`);
  }
  // Unknown errors: keep the class name and a scrubbed first line only.
  const first = err instanceof Error ? scrubSecrets(err.message.split('\n')[0] ?? '').slice(0, MAX_MESSAGE) : 'unknown error';
  return fail('INTERNAL', `unexpected error while ${action}: ${first}${net ? ` (${net})` : ''}`);
}
