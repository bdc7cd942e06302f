// The forward's status model: every state the UI, tray and CLI can show, the events that move
// between them, and a pure reducer. Status is derived from real probes through the tunnel; the
// engine only feeds events in, so the rules live here where they can be tested without a cluster.
import { z } from 'zod';
import { dnsLabel, portNumber } from '../store/settings-schema.ts';

export const forwardTargetSchema = z
  .object({
    /** null: resolve like kubectl (KUBECONFIG list, then ~/.kube/config). */
    kubeconfigPath: z.string().min(1).max(4096).nullable(),
    context: z.string().min(1).max(253),
    namespace: dnsLabel,
    service: dnsLabel,
    servicePort: portNumber,
    localPort: portNumber,
  })
  .strict();
export type ForwardTarget = z.output<typeof forwardTargetSchema>;

export const forwardErrorCodes = [
  'SERVICE_NOT_FOUND', // keeps watching; goes on by itself when the Service appears
  'SERVICE_PORT_NOT_FOUND', // the Service exists but has no such port
  'FORBIDDEN', // the host credentials lack a permission (named in the message)
  'UNAUTHORIZED', // credentials rejected even after rebuilding the client
  'PORT_IN_USE', // local port taken; suggestedPort is free
  'PORT_NOT_PERMITTED', // EACCES binding the local port
  'KUBECONFIG_INVALID',
] as const;
export type ForwardErrorCode = (typeof forwardErrorCodes)[number];

const iso = z.string().min(1);

export const forwardStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('stopped') }).strict(),
  z.object({ status: z.literal('starting'), localPort: portNumber }).strict(),
  z
    .object({
      status: z.literal('ready'),
      localPort: portNumber,
      pod: z.string(),
      /** When this pod became the one in use (ISO time). */
      since: iso,
      /** SHA-256 of the hub's serving certificate, as X509Certificate.fingerprint256; the dashboard window trusts exactly this. */
      hubCertFingerprint256: z.string(),
    })
    .strict(),
  z
    .object({
      status: z.literal('reconnecting'),
      localPort: portNumber,
      attempt: z.number().int().min(1),
      nextRetryAt: iso,
      lastError: z.string(),
    })
    .strict(),
  z
    .object({
      status: z.literal('error'),
      localPort: portNumber,
      code: z.enum(forwardErrorCodes),
      message: z.string(),
      hint: z.string(),
      suggestedPort: portNumber.optional(),
    })
    .strict(),
]);
export type ForwardState = z.output<typeof forwardStateSchema>;
export type ForwardStatus = ForwardState['status'];
export type ForwardErrorState = Extract<ForwardState, { status: 'error' }>;

export const forwardLogEntrySchema = z
  .object({
    at: iso,
    level: z.enum(['info', 'warn', 'error']),
    message: z.string(),
  })
  .strict();
export type ForwardLogEntry = z.output<typeof forwardLogEntrySchema>;

export type ForwardEvent =
  | { type: 'start'; localPort: number }
  | { type: 'stop' }
  | { type: 'probeSucceeded'; pod: string; at: Date; hubCertFingerprint256: string }
  | { type: 'probeFailed'; error: string; at: Date; retryInMs: number }
  | { type: 'fatal'; code: ForwardErrorCode; message: string; hint: string; suggestedPort?: number };

/** Pure transition function: the engine's only way to change what users see. */
export function reduceForwardState(state: ForwardState, event: ForwardEvent): ForwardState {
  if (event.type === 'stop') return { status: 'stopped' };
  if (event.type === 'start') return { status: 'starting', localPort: event.localPort };
  // Late results of a stopped engine must not resurrect it.
  if (state.status === 'stopped') return state;
  const localPort = state.localPort;
  switch (event.type) {
    case 'probeSucceeded': {
      const at = event.at.toISOString();
      // "since" is when this pod took over, so a healthy re-probe keeps it (and changes nothing the
      // UI must redraw) while a pod switch resets it.
      const since = state.status === 'ready' && state.pod === event.pod ? state.since : at;
      return {
        status: 'ready',
        localPort,
        pod: event.pod,
        since,
        hubCertFingerprint256: event.hubCertFingerprint256,
      };
    }
    case 'probeFailed': {
      const attempt = state.status === 'reconnecting' ? state.attempt + 1 : 1;
      return {
        status: 'reconnecting',
        localPort,
        attempt,
        nextRetryAt: new Date(event.at.getTime() + event.retryInMs).toISOString(),
        lastError: event.error,
      };
    }
    case 'fatal':
      return {
        status: 'error',
        localPort,
        code: event.code,
        message: event.message,
        hint: event.hint,
        ...(event.suggestedPort === undefined ? {} : { suggestedPort: event.suggestedPort }),
      };
  }
}

/** The attempt number the next failure would carry: what the backoff is computed from. */
export function nextAttempt(state: ForwardState): number {
  return state.status === 'reconnecting' ? state.attempt + 1 : 1;
}

/** One line for the CLI, the tray's status line and logs. */
export function describeForwardState(state: ForwardState): string {
  switch (state.status) {
    case 'stopped':
      return 'Stopped';
    case 'starting':
      return `Starting on 127.0.0.1:${state.localPort}`;
    case 'ready':
      return `Ready on https://127.0.0.1:${state.localPort} via pod ${state.pod}`;
    case 'reconnecting':
      return `Reconnecting (attempt ${state.attempt}, next at ${state.nextRetryAt}): ${state.lastError}`;
    case 'error':
      return `Error ${state.code}: ${state.message}`;
  }
}
