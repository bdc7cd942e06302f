// The window's Content-Security-Policy is in force: no inline script, nothing from other origins.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const expectedPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:*";

test('the built page carries the strict CSP and the browser enforces it', async ({ page, startBridge, pageErrors }) => {
  expect(readFileSync('dist/renderer/index.html', 'utf8')).toContain(`content="${expectedPolicy}"`);
  const bridge = await startBridge();
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Karpor Desktop' })).toBeVisible();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', expectedPolicy);

  const violations: string[] = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.body.append(inline);
    const external = document.createElement('img');
    external.src = 'http://127.0.0.1:9/pixel.png';
    document.body.append(external);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let evalRan: boolean;
    try {
      evalRan = (0, eval)('true') === true;
    } catch {
      evalRan = false;
    }
    return [...seen, `inline:${String((window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false)}`, `eval:${String(evalRan)}`];
  });
  expect(violations).toEqual(expect.arrayContaining(['script-src-elem', 'img-src', 'inline:false', 'eval:false']));
  // The blocked attempts above are the only errors this page may show.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/Content Security Policy|EvalError/.test(e)));
});
