import type { ErrorCode } from '../../../electron/ipc/contract.ts';
import { ApiError } from '../api/index.ts';

export interface ErrorInfo {
  /** UNKNOWN: not an error main sent (a bug or a dropped connection); shown with its message. */
  code: ErrorCode | 'UNKNOWN';
  message: string;
  hint?: string;
}

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return { code: error.code, message: error.message, hint: error.hint };
  if (error instanceof Error) return { code: 'UNKNOWN', message: error.message };
  return { code: 'UNKNOWN', message: String(error) };
}
