// The truth behind "ready": an HTTPS GET /livez to the hub through a real tunnel. The hub's
// certificate is self-signed and regenerated at every pod start, so it is accepted here but its
// fingerprint is recorded: the dashboard window trusts exactly that certificate, nothing broader.
import http from 'node:http';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

export interface ProbeResult {
  hubCertFingerprint256: string;
}

export function probeHubLivez(stream: Duplex, timeoutMs = 5_000): Promise<ProbeResult> {
  return new Promise<ProbeResult>((resolve, reject) => {
    let fingerprint = '';
    // http over our own TLS socket: with an `agent` (https.request always has one) Node would
    // ignore createConnection and dial the host itself.
    const req = http.request(
      {
        host: '127.0.0.1',
        path: '/livez',
        method: 'GET',
        timeout: timeoutMs,
        headers: { Connection: 'close' },
        createConnection: () => {
          const socket = tls.connect({ socket: stream, servername: 'localhost', rejectUnauthorized: false });
          socket.once('secureConnect', () => {
            fingerprint = socket.getPeerX509Certificate()?.fingerprint256 ?? '';
          });
          return socket;
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.once('end', () => {
          req.destroy();
          stream.destroy();
          if (status !== 200) return reject(new Error(`hub /livez answered HTTP ${status}`));
          if (!fingerprint) return reject(new Error('hub presented no TLS certificate'));
          resolve({ hubCertFingerprint256: fingerprint });
        });
      },
    );
    req.once('timeout', () => req.destroy(new Error(`hub /livez did not answer within ${timeoutMs} ms`)));
    req.once('error', (err) => {
      stream.destroy();
      reject(err);
    });
    // Pod-side errors arrive on the tunnel; they explain a TLS failure better than "socket hang up".
    stream.once('error', (err) => req.destroy(err));
    req.end();
  });
}
