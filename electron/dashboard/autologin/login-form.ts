// Finds the Karpor UI's login form. Karpor v0.6.x renders an Ant Design `<Input>` (input.ant-input,
// no id, name or placeholder) and a primary `<Button>` whose label is translated ("Login", "登录",
// which Ant Design spaces as "登 录", "Einloggen", "로그인"), so the search goes by class and role
// first and uses text only to break ties.

const LOGIN_LABELS = ['login', 'log in', 'sign in', '登录', 'einloggen', '로그인', 'entrar'];
/** "Login failed" as the Karpor UI says it in its languages (and the sandbox stand-in). */
const FAILURE_TEXT = /login failed|登录失败|anmeldung fehlgeschlagen|로그인에 실패|falha no login/i;

export interface LoginForm {
  input: HTMLInputElement;
  button: HTMLButtonElement;
}

const compact = (text: string | null): string => (text ?? '').replace(/\s+/g, '').toLowerCase();
const looksLikeLogin = (button: HTMLButtonElement): boolean => LOGIN_LABELS.some((label) => compact(button.textContent) === compact(label));

function usable(el: HTMLInputElement | HTMLButtonElement): boolean {
  if (el.disabled) return false;
  if (el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio', 'submit', 'button', 'file'].includes(el.type)) return false;
  return el.isConnected;
}

function tokenInputs(root: ParentNode): HTMLInputElement[] {
  const antd = [...root.querySelectorAll<HTMLInputElement>('input.ant-input')].filter(usable);
  if (antd.length > 0) return antd;
  return [...root.querySelectorAll<HTMLInputElement>('input')].filter(usable);
}

/** The button that submits this input: the closest enclosing block that has a login-looking button. */
function buttonFor(input: HTMLInputElement): HTMLButtonElement | null {
  for (let scope = input.parentElement; scope && scope !== input.ownerDocument.documentElement; scope = scope.parentElement) {
    const buttons = [...scope.querySelectorAll<HTMLButtonElement>('button')].filter(usable);
    if (buttons.length === 0) continue;
    const primaryLogin = buttons.find((b) => b.classList.contains('ant-btn-primary') && looksLikeLogin(b));
    const byText = buttons.find(looksLikeLogin);
    const primary = buttons.filter((b) => b.classList.contains('ant-btn-primary'));
    const submit = buttons.filter((b) => b.type === 'submit');
    const found = primaryLogin ?? byText ?? (primary.length === 1 ? primary[0] : undefined) ?? (submit.length === 1 ? submit[0] : undefined);
    if (found) return found;
  }
  return null;
}

export function findLoginForm(doc: Document): LoginForm | null {
  const inputs = tokenInputs(doc);
  // The login page has exactly one text input; more means this is some other page (or a dialog on top).
  if (inputs.length !== 1) return null;
  const input = inputs[0];
  if (!input) return null;
  const button = buttonFor(input);
  return button ? { input, button } : null;
}

export function showsLoginFailure(doc: Document): boolean {
  return FAILURE_TEXT.test(doc.body?.textContent ?? '');
}
