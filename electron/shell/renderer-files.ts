// Which file of the built renderer a request asks for, and how to label it. Pure: shared by the
// app:// protocol handler and the dev bridge, so both serve the same files with the same CSP.
import path from 'node:path';

/** antd's CSS-in-JS injects <style> elements, hence 'unsafe-inline' for styles (and only styles). */
export const APP_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file under `rootDir` that a URL path names (`/` is index.html), or null when the
 * path is malformed or would leave `rootDir` (`..`, encoded separators, NUL, drive letters).
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/?[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return file.startsWith(root + path.sep) ? file : null;
}
