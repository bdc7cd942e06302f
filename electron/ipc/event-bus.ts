// Events main pushes to the renderer. Services emit; each transport (Electron windows, the dev
// bridge's WebSocket) subscribes once and forwards what it receives.
import { events, type EventName, type EventPayload } from './contract.ts';
import { describeForLog } from './app-error.ts';

export type EventSink = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(sink: EventSink): () => void;
}

export function createEventBus(log: (line: string) => void = console.error): EventBus {
  const sinks = new Set<EventSink>();
  return {
    emit(event, payload) {
      // Validated like a handler's output: whatever leaves main matches the contract.
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        log(`[events] dropped ${event}: payload does not match the contract`);
        return;
      }
      for (const sink of [...sinks]) {
        try {
          sink(event, parsed.data);
        } catch (err) {
          log(`[events] a sink for ${event} failed: ${describeForLog(err)}`);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
