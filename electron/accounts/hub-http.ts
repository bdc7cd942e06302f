// Plain HTTPS calls to the hub's non-API paths (/server-configs, /rest-api/v1/authn). Node's https module is used
// because the global fetch cannot skip verification per request; the reason to skip is in hub-credentials.ts.
import { request } from 'node:https';

export interface HubResponse {
  status: number;
  body: string;
}

export function hubRequest(
  server: string,
  path: string,
  opts: { method?: string; bearer?: string; body?: string; timeoutMs?: number } = {},
): Promise<HubResponse> {
  const url = new URL(path, server);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: opts.method ?? 'GET',
        rejectUnauthorized: false,
        headers: {
          accept: 'application/json',
          ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer from ${url.origin} in time`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(opts.body);
  });
}
