// What every failed api call throws, whichever transport carried it.
import type { ErrorCode, IpcError } from '../../../electron/ipc/contract.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.hint = error.hint;
  }
}

/**
 * The preload rejects with a plain `{code, message, hint}` object, because contextBridge drops the
 * custom properties of an Error; anything else (a lost connection) becomes UNAVAILABLE.
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (typeof reason === 'object' && reason !== null && 'code' in reason && 'message' in reason
    && typeof reason.code === 'string' && typeof reason.message === 'string') {
    const hint = 'hint' in reason && typeof reason.hint === 'string' ? reason.hint : undefined;
    return new ApiError({ code: reason.code as ErrorCode, message: reason.message, hint });
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return new ApiError({ code: 'UNAVAILABLE', message: `The app did not answer: ${message}`, hint: 'Restart Karpor Desktop.' });
}
