// What the control plane (main thread) and a data-plane worker say to each other. Errors cross
// as plain data and are rebuilt on the other side, keeping what callers branch on.
import type { Endpoint } from './endpoints.ts';
import type { DataPlaneOptions } from './data-plane.ts';
import { TunnelError } from './ws-tunnel.ts';
import type { TunnelErrorKind } from './ws-tunnel.ts';
import type { UpstreamConnectOptions } from './upstream.ts';

export type WorkerSettings = Omit<DataPlaneOptions, 'log'>;

export type ToWorker =
  | { id: number; op: 'listen' }
  | { id: number; op: 'connect'; server: string }
  | { id: number; op: 'closePod'; pod: string }
  | { id: number; op: 'probe'; endpoint: Endpoint; timeoutMs: number }
  | { id: number; op: 'close' }
  | { op: 'setRoute'; endpoint: Endpoint | null }
  | { answer: number; value?: UpstreamConnectOptions; error?: WireError };

export type FromWorker =
  | { reply: number; value?: unknown; error?: WireError }
  | { log: { level: 'info' | 'warn' | 'error'; message: string } }
  /** The worker needs credentials for a new upstream connection. */
  | { ask: number };

export interface WireError {
  message: string;
  code?: string;
  tunnel?: { kind: TunnelErrorKind; status?: number };
}

export function toWire(err: unknown): WireError {
  if (err instanceof TunnelError) return { message: err.message, tunnel: { kind: err.kind, ...(err.status === undefined ? {} : { status: err.status }) } };
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return { message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(err) };
}

export function fromWire(e: WireError): Error {
  if (e.tunnel) return new TunnelError(e.tunnel.kind, e.message, e.tunnel.status);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}
