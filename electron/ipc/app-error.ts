// The one error type services throw: it carries what the user needs (a code the UI can branch on,
// a sentence, a hint) and nothing else, so it can cross the IPC boundary as-is.
import type { ErrorCode, IpcError } from './contract.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
  }
}

/**
 * What an error may say across the boundary. Anything that is not an AppError could carry a stack,
 * a path or a credential (client-node's ApiException embeds response bodies and headers), so it
 * becomes a generic INTERNAL error.
 */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof AppError) return err.hint ? { code: err.code, message: err.message, hint: err.hint } : { code: err.code, message: err.message };
  return {
    code: 'INTERNAL',
    message: 'Karpor Desktop hit an unexpected error.',
    hint: 'Try again; if it keeps happening, restart the app and report the steps that led here.',
  };
}

/** First line of an unexpected error, short, for the log: enough to find the bug, too little to leak a body or header. */
export function describeForLog(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.split('\n')[0]?.slice(0, 200) ?? ''}`;
  return typeof err;
}
