// Picks the port-forward transport from the upgrade request, as kube-apiserver and the kubelet do: WebSocket with
// `v4.channel.k8s.io` (client-node), WebSocket carrying SPDY (`SPDY/3.1+portforward.k8s.io`, kubectl 1.31+), or a raw
// `Upgrade: SPDY/3.1` (older kubectl, and kubectl's fallback).
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { badRequest } from '../common/status.ts';
import type { KubeStatus } from '../common/status.ts';
import type { ForwardSessions, PodTarget } from './forward-sessions.ts';
import { PORTFORWARD_PROTOCOL, SPDY_PROTOCOL, serveSpdyPortForward } from './portforward-spdy.ts';
import { V4_CHANNEL_PROTOCOL, serveWebSocketPortForward } from './portforward-ws.ts';

export const TUNNELED_SPDY_PROTOCOL = `${SPDY_PROTOCOL}+${PORTFORWARD_PROTOCOL}`;
// `ws` rejects subprotocols that are not RFC 7230 tokens, and kubectl's `SPDY/3.1+portforward.k8s.io` contains '/':
// the handshake runs under this stand-in name, and the response header is put back before it is written.
const TUNNEL_PLACEHOLDER = 'x-sandbox-spdy-tunnel';

/** Writes an HTTP error with a Status body on a socket that was not upgraded, then closes it. */
export function rejectUpgrade(socket: Duplex, status: KubeStatus): void {
  const body = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? ''}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** The `ports` query of a WebSocket port-forward (repeated or comma-separated), or the kubelet's error text. */
function queryPorts(url: URL): number[] | string {
  const raw = url.searchParams.getAll('ports').flatMap((p) => p.split(','));
  if (raw.length === 0) return 'query parameter "port" is required';
  const ports: number[] = [];
  for (const p of raw) {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n < 1 || n > 65535) return `unable to parse "${p}" as a port`;
    ports.push(n);
  }
  return ports;
}

export class PortForwardUpgrader {
  private readonly sessions: ForwardSessions;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: (offered) => [...offered][0] ?? false });

  constructor(sessions: ForwardSessions) {
    this.sessions = sessions;
    this.wss.on('headers', (headers: string[]) => {
      const i = headers.indexOf(`Sec-WebSocket-Protocol: ${TUNNEL_PLACEHOLDER}`);
      if (i >= 0) headers[i] = `Sec-WebSocket-Protocol: ${TUNNELED_SPDY_PROTOCOL}`;
    });
  }

  /** Called once the request is authorized and the pod exists. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, pod: PodTarget): void {
    const upgrade = (req.headers.upgrade ?? '').toLowerCase();
    if (upgrade === 'websocket') return this.websocket(req, socket, head, url, pod);
    if (upgrade === SPDY_PROTOCOL.toLowerCase()) {
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\n' +
          'Connection: Upgrade\r\n' +
          `Upgrade: ${SPDY_PROTOCOL}\r\n` +
          `X-Stream-Protocol-Version: ${PORTFORWARD_PROTOCOL}\r\n\r\n`,
      );
      if (head.length) socket.unshift(head);
      serveSpdyPortForward(socket, pod, this.sessions);
      return;
    }
    rejectUpgrade(socket, badRequest(`unable to upgrade: unsupported protocol "${req.headers.upgrade ?? ''}"`));
  }

  private websocket(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, pod: PodTarget): void {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const chosen = [V4_CHANNEL_PROTOCOL, TUNNELED_SPDY_PROTOCOL].find((p) => offered.includes(p));
    if (!chosen) return rejectUpgrade(socket, badRequest(`unable to upgrade: no supported subprotocol in "${offered.join(', ')}"`));
    if (chosen === TUNNELED_SPDY_PROTOCOL) {
      req.headers['sec-websocket-protocol'] = TUNNEL_PLACEHOLDER;
      this.wss.handleUpgrade(req, socket, head, (ws) => serveSpdyPortForward(createWebSocketStream(ws), pod, this.sessions));
      return;
    }
    const ports = queryPorts(url);
    if (typeof ports === 'string') return rejectUpgrade(socket, badRequest(ports));
    req.headers['sec-websocket-protocol'] = chosen;
    this.wss.handleUpgrade(req, socket, head, (ws) => serveWebSocketPortForward(ws, pod, ports, this.sessions));
  }
}
