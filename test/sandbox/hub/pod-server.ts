import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { createServingCert } from './certs.ts';

export interface PodServer {
  port: number;
  certFingerprint256: string;
  stop(): Promise<void>;
}

/**
 * One karpor-server replica: HTTPS on 127.0.0.1 with a serving certificate made fresh at each start, asking for
 * (not requiring) a client certificate; the chain check against the hub CA is left to the request handler.
 */
export async function startPodServer(caCertPem: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<PodServer> {
  const serving = await createServingCert();
  const server = createServer({ key: serving.keyPem, cert: serving.certPem, ca: [caCertPem], requestCert: true, rejectUnauthorized: false }, handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  // Handshake failures (a client that rejects our certificate, a port scan) are the client's business.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('hub pod server has no TCP address');
  let stopped: Promise<void> | undefined;
  return {
    port: address.port,
    certFingerprint256: serving.cert.fingerprint256,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // close() waits for keep-alive connections; a stopped pod drops them like a killed container.
        for (const s of sockets) s.destroy();
      });
      return stopped;
    },
  };
}
