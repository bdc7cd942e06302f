// client-node errors carry response bodies and headers in their message (ApiException); only a
// status code and the Kubernetes Status `message` ever leave this module.
import { ApiException } from '@kubernetes/client-node';

export function apiErrorStatus(err: unknown): number | undefined {
  if (err instanceof ApiException) return err.code;
  if (err && typeof err === 'object') {
    const e = err as { statusCode?: unknown; code?: unknown; status?: unknown };
    for (const v of [e.statusCode, e.code, e.status]) if (typeof v === 'number') return v;
  }
  return undefined;
}

function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  return undefined;
}

/** A short, secret-free description of an API or network error. */
export function sanitizeApiError(err: unknown): string {
  if (err instanceof ApiException) {
    const msg = statusMessage(err.body);
    return `HTTP ${err.code}${msg ? `: ${msg.slice(0, 300)}` : ''}`;
  }
  const status = apiErrorStatus(err);
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? ` (${cause.message})` : '';
    // Only the first line: some libraries append request dumps below it.
    const first = (err.message.split('\n')[0] ?? '').slice(0, 300);
    return `${status === undefined ? '' : `HTTP ${status}: `}${first}${causeText}`.replace(/Bearer\s+\S+/gi, 'Bearer <redacted>');
  }
  return String(err).slice(0, 300).replace(/Bearer\s+\S+/gi, 'Bearer <redacted>');
}
