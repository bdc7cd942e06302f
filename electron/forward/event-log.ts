// A bounded ring of what happened (connects, pod switches, errors) for the status panel and the
// CLI. Messages are built by the engine from sanitised errors only: no token ever reaches here.
import type { ForwardLogEntry } from './forward-state.ts';

export interface EventLog {
  add(level: ForwardLogEntry['level'], message: string): ForwardLogEntry;
  entries(): ForwardLogEntry[];
}

export function createEventLog(now: () => Date, capacity = 200): EventLog {
  const ring: ForwardLogEntry[] = [];
  return {
    add(level, message) {
      const entry = { at: now().toISOString(), level, message: message.slice(0, 1000) };
      ring.push(entry);
      if (ring.length > capacity) ring.splice(0, ring.length - capacity);
      return entry;
    },
    entries: () => ring.slice(),
  };
}
