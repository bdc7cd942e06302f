// Types shared by the handler modules of every domain (kept apart from handlers.ts, which imports them all).
import type { z } from 'zod';
import type { Channel, ChannelOutput, channels } from './contract.ts';

export interface HandlerContext {
  /** Which transport carried the call: some actions (a native file dialog) exist only in the app. */
  transport: 'electron' | 'bridge';
}

/** A handler receives its input already validated (defaults applied) and returns the unvalidated output. */
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };
