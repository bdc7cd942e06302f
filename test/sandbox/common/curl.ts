// Real curl, as Karpor's guide uses it (`curl -k`), returning the HTTP status and body.
import { execFile } from 'node:child_process';

export interface CurlResult {
  status: number;
  body: string;
}

export function curlK(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<CurlResult> {
  const args = ['-k', '-s', '-m', String(Math.ceil(timeoutMs / 1000)), '-w', '\n%{http_code}'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile('curl', args, { timeout: timeoutMs + 2000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      const text = String(stdout);
      const cut = text.lastIndexOf('\n');
      const status = Number(text.slice(cut + 1));
      if (error && !status) return reject(new Error(`curl ${url} failed: ${error.message}`));
      resolve({ status, body: text.slice(0, cut) });
    });
  });
}
