import { request } from 'node:https';

export interface HubResponse {
  status: number;
  text: string;
  json(): unknown;
}

export interface HubRequest {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: string;
  cert?: string;
  key?: string;
}

/** One HTTPS request to a hub pod, skipping verification like Karpor's own kubeconfig does. */
export function hubRequest(port: number, path: string, opts: HubRequest = {}): Promise<HubResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers, rejectUnauthorized: false, cert: opts.cert, key: opts.key, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('error', reject);
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to ${path} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** The claims of a JWT, decoded without verification (tests read exp/iat of tokens kubectl printed). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
