// One place where accounts code builds errors, so every message goes through the same secret scrubbing.
import type { ErrorCode } from '../ipc/contract.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.code = code;
    this.hint = hint;
  }
}

export function fail(code: ErrorCode, message: string, hint?: string): AppError {
  return new AppError(code, message, hint);
}
