// Transport-independent dispatch: look up the channel, validate the input, run the handler,
// validate the output, and turn every outcome into an Envelope. Electron IPC and the dev bridge
// both call this, so they cannot drift apart.
import { channels, type Channel, type Envelope } from './contract.ts';
import { AppError, describeForLog, toIpcError } from './app-error.ts';
import type { HandlerContext, HandlerTable } from './handler-types.ts';
import { describeIssues } from './describe-issues.ts';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected failures are logged (only a short first line, never the error object). */
  log?: (line: string) => void;
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

export function createDispatcher(handlers: HandlerTable, ctx: HandlerContext, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? console.error;
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return fail(new AppError('BAD_REQUEST', `Unknown channel "${channel.slice(0, 64)}".`, { hint: 'The app and its window are out of step; restart the app.' }));
    }
    const spec = channels[channel];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) {
      return fail(new AppError('BAD_REQUEST', `Invalid input for ${channel}: ${describeIssues(input.error.issues)}.`));
    }
    let result: unknown;
    try {
      // The table is indexed by the same channel the schema came from; TypeScript cannot correlate the two.
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      result = await handler(input.data, ctx);
    } catch (err) {
      if (!(err instanceof AppError)) log(`[ipc] ${channel} failed: ${describeForLog(err)}`);
      return fail(err);
    }
    const output = spec.output.safeParse(result);
    if (!output.success) {
      log(`[ipc] ${channel} returned a result that does not match the contract: ${describeIssues(output.error.issues)}`);
      return fail(new Error('invalid output'));
    }
    return { ok: true, value: output.data };
  };
}

function fail(err: unknown): Envelope<never> {
  return { ok: false, error: toIpcError(err) };
}
