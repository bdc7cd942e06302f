import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { contentTypeFor, resolveRendererFile, APP_CSP } from '../../../electron/shell/renderer-files.ts';

const root = path.resolve('/srv/renderer');

describe('resolveRendererFile', () => {
  it('maps / to index.html and paths below the root to files', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
    expect(resolveRendererFile(root, '/./assets//x.js')).toBe(path.join(root, 'assets', 'x.js'));
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd', '/..%5c..%5cwin.ini', '/a\\..\\..\\b', '/x%00.js', '/C:/Windows/win.ini', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(resolveRendererFile(root, p)).toBeNull();
  });

  it('labels the files a Vite build produces', () => {
    expect(contentTypeFor('a.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('has a strict CSP: nothing by default, scripts only from the app, no eval', () => {
    expect(APP_CSP).toMatch(/^default-src 'none';/);
    expect(APP_CSP).toContain("script-src 'self';");
    expect(APP_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
