import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText } from './http-util.ts';

/** The dashboard stand-in shipped with the sandbox (plain files, no build step). */
export const STAND_IN_DIR = fileURLToPath(new URL('./dashboard/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Resolves `rest` inside `root`, refusing anything that climbs out of it. */
function inside(root: string, rest: string): string | undefined {
  const p = normalize(join(root, rest));
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep) ? p : undefined;
}

async function sendFile(res: ServerResponse, path: string, head: boolean): Promise<void> {
  const body = await readFile(path);
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(head ? undefined : body);
}

/**
 * Karpor serves UI assets under `/public/` and `index.html` for every other path (client-side routing).
 * A real UI build may keep assets at its root or in `public/`; both are tried.
 */
export async function serveDashboard(res: ServerResponse, dir: string, pathname: string, head: boolean): Promise<void> {
  if (pathname.startsWith('/public/')) {
    let rest: string | undefined;
    try {
      rest = decodeURIComponent(pathname.slice('/public/'.length));
    } catch {
      rest = undefined; // malformed %-escape: no such file
    }
    for (const root of rest === undefined ? [] : [join(dir, 'public'), dir]) {
      const p = inside(root, rest ?? '');
      if (p && (await isFile(p))) return sendFile(res, p, head);
    }
    return sendText(res, 404, '404 page not found\n');
  }
  const index = join(dir, 'index.html');
  if (!(await isFile(index))) return sendText(res, 404, `dashboard directory ${dir} has no index.html\n`);
  return sendFile(res, index, head);
}
