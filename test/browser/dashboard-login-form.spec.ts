// How the auto-login finds the login form and types into it, in real Chromium, on markup shaped like
// the Karpor UI v0.6.x (Ant Design 5: hashed css-* classes, translated labels, "登 录" spacing) and on
// pages that only look similar. The module is bundled on the fly, exactly as the shipped file uses it.
import { test, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';

let source = '';
test.beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: "export { findLoginForm, showsLoginFailure } from './login-form.ts'; export { setControlledValue } from './react-input.ts';",
      resolveDir: 'electron/dashboard/autologin',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'KarporLogin',
    write: false,
    target: 'chrome130',
  });
  source = out.outputFiles[0]?.text ?? '';
});

async function found(page: Page, html: string): Promise<string | null> {
  await page.setContent(html);
  await page.addScriptTag({ content: source });
  return page.evaluate(() => {
    const api = Reflect.get(window, 'KarporLogin') as { findLoginForm(d: Document): { input: HTMLInputElement; button: HTMLButtonElement } | null };
    const form = api.findLoginForm(document);
    return form ? `${form.input.dataset.id ?? '?'}|${form.button.dataset.id ?? '?'}` : null;
  });
}

// The Karpor UI's login page as Ant Design 5 renders it (ui/src/pages/login/index.tsx).
const karporLogin = (label: string, extra = '') => `
  <div class="nav"><a>Search</a><a>Insight</a><button type="button" class="ant-btn css-dev-only-do-not-override-1x0dypw ant-btn-link"><span>Logout</span></button></div>
  <div class="login_wrapper"><div class="login">
    <div class="title"><h4>Not logged in. Please enter token to login</h4></div>
    <div class="content"><div class="label"><span>Token</span><span>*</span></div>
      <div class="input_box"><input data-id="token" class="ant-input css-dev-only-do-not-override-1x0dypw" type="text" value=""></div></div>
    ${extra}
    <div class="footer"><button data-id="login" type="button" class="ant-btn css-dev-only-do-not-override-1x0dypw ant-btn-primary"><span>${label}</span></button></div>
  </div></div>`;

test.describe('finding the Karpor login form', () => {
  test('in every language the Karpor UI ships', async ({ page }) => {
    for (const label of ['Login', '登 录', 'Einloggen', '로그인']) {
      expect(await found(page, karporLogin(label)), label).toBe('token|login');
    }
  });

  test('by its primary button when the label is unknown, ignoring other buttons on the page', async ({ page }) => {
    expect(await found(page, karporLogin('Anmelden ✓'))).toBe('token|login');
  });

  test('not on pages with several inputs, or without a button to submit', async ({ page }) => {
    expect(await found(page, karporLogin('Login', '<input class="ant-input" type="text">'))).toBeNull();
    expect(await found(page, '<div><input class="ant-input" type="text"></div>')).toBeNull();
    expect(await found(page, '<div><input class="ant-input" type="text" disabled><button class="ant-btn-primary">Login</button></div>')).toBeNull();
  });

  test('sees "Login failed" in the languages of the Karpor UI', async ({ page }) => {
    for (const text of ['Login failed. Please check token validity', '登录失败，请检查 token 是否有效', 'Anmeldung fehlgeschlagen, bitte überprüfen Sie', '로그인에 실패했습니다']) {
      await page.setContent(`<div class="error_message">${text}</div>`);
      await page.addScriptTag({ content: source });
      expect(await page.evaluate(() => (Reflect.get(window, 'KarporLogin') as { showsLoginFailure(d: Document): boolean }).showsLoginFailure(document)), text).toBe(true);
    }
  });
});

test('typing the way React notices: a tracker that ignores plain assignments still sees the change', async ({ page }) => {
  await page.setContent('<input class="ant-input" type="text">');
  await page.addScriptTag({ content: source });
  const seen = await page.evaluate(() => {
    const input = document.querySelector('input') as HTMLInputElement;
    // React's value tracker, reduced: it records assignments through the element and drops input events that match them.
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    let tracked = '';
    const changes: string[] = [];
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native?.get?.call(input) as string,
      set: (v: string) => {
        tracked = v;
        native?.set?.call(input, v);
      },
    });
    input.addEventListener('input', () => {
      const v = native?.get?.call(input) as string;
      if (v !== tracked) changes.push((tracked = v));
    });
    input.value = 'assigned';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (Reflect.get(window, 'KarporLogin') as { setControlledValue(i: HTMLInputElement, v: string): void }).setControlledValue(input, 'the-token');
    return changes;
  });
  expect(seen).toEqual(['the-token']);
});
