// Shorthand for the accounts code: every failure is an AppError with a sentence and, where useful, a hint.
import { AppError } from '../ipc/app-error.ts';
import type { ErrorCode } from '../ipc/contract.ts';

export { AppError };

export function fail(code: ErrorCode, message: string, hint?: string): AppError {
  return new AppError(code, message, hint === undefined ? {} : { hint });
}
