// The bridge's event stream: a WebSocket at /events that must prove it knows the secret in its
// first message before it receives anything.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../ipc/event-bus.ts';
import { secretMatches } from './bridge-secret.ts';

const AUTH_TIMEOUT_MS = 5000;

export interface BridgeEvents {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createBridgeEvents(bus: EventBus, secret: string): BridgeEvents {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const unsubscribes = new Set<() => void>();

  wss.on('connection', (ws: WebSocket) => {
    const timer = setTimeout(() => ws.close(4401, 'secret expected'), AUTH_TIMEOUT_MS);
    ws.once('message', (data) => {
      clearTimeout(timer);
      let given: unknown;
      try {
        given = (JSON.parse(String(data)) as { secret?: unknown }).secret;
      } catch {
        given = undefined;
      }
      if (!secretMatches(secret, given)) {
        ws.close(4403, 'forbidden');
        return;
      }
      const unsubscribe = bus.subscribe((event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      });
      unsubscribes.add(unsubscribe);
      ws.on('close', () => {
        unsubscribe();
        unsubscribes.delete(unsubscribe);
      });
    });
    ws.on('close', () => clearTimeout(timer));
  });

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribes.clear();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
