// The auto-login controller: keeps the token where the Karpor UI reads it, and logs in for the user.
// Karpor keeps "logged in" only in memory: after every page load the app is logged out (no Logout
// link, and deep routes send the user to /login) although localStorage already holds a good token.
// So the controller logs in once per page load, and again whenever the app shows /login.
import { createCover } from './cover.ts';
import { findLoginForm, showsLoginFailure, type LoginForm } from './login-form.ts';
import type { AutologinConfig, FailureReason, Reporter } from './protocol.ts';
import { setControlledValue } from './react-input.ts';
import { watchRoute } from './route-watch.ts';
import { checkToken, isRbacEnabled, type Fetch } from './server-checks.ts';

export const DEFAULT_MAX_ATTEMPTS = 2;
export const DEFAULT_WINDOW_MS = 10_000;
const FORM_WAIT_MS = 10_000;
/** Karpor goes back in history 300 ms after a successful login; leave room for a slow machine. */
const OUTCOME_WAIT_MS = 5_000;
/** A token check this recent needs no repeat before submitting the form. */
const CHECK_FRESH_MS = 5_000;
const SETTLE_QUIET_MS = 100;
const SETTLE_MAX_MS = 3_000;
const LOGIN_PATH = /^\/login\/?$/;

export interface AutologinHost {
  win: Window;
  report: Reporter;
  fetch?: Fetch;
}

export interface Autologin {
  stop(): void;
}

type Phase = 'booting' | 'idle' | 'working' | 'stopped';

export function startAutologin(config: AutologinConfig, host: AutologinHost): Autologin {
  const { win, report } = host;
  const token = config.token;
  if (!token) return { stop: () => undefined }; // RBAC off: the dashboard never asks, so neither do we.

  // Before any dashboard script runs (the host injects this at document-start).
  win.localStorage.setItem('token', token);

  const fetchFn: Fetch = host.fetch ?? ((input, init) => win.fetch(input, init));
  const maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS;
  const cover = createCover(win.document, config.signingInLabel ?? 'Signing in to Karpor…');
  const attempts: number[] = [];
  let phase: Phase = 'booting';
  let lastMutation = Date.now();
  let goodCheckAt = -Infinity;

  const onLoginPage = (): boolean => LOGIN_PATH.test(win.location.pathname);
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => win.setTimeout(resolve, ms));
  async function waitFor<T>(probe: () => T | null, timeoutMs: number): Promise<T | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== null) return value;
      if (Date.now() >= until) return null;
      await sleep(50);
    }
  }

  const stopWatching = watchRoute(win, () => {
    lastMutation = Date.now();
    if (phase === 'booting') cover.show(); // <html> may not have existed at document-start
    if (phase !== 'idle') return;
    if (onLoginPage()) {
      phase = 'working';
      void logIn().catch(() => fail('no-login-form'));
    } else {
      cover.hide();
    }
  });
  cover.show();

  function stop(): void {
    phase = 'stopped';
    stopWatching();
    cover.hide();
  }
  function fail(reason: FailureReason, status?: number): void {
    if (phase === 'stopped') return;
    stop();
    report(status === undefined ? { type: 'failed', reason } : { type: 'failed', reason, status });
  }

  /** Asks the server whether the token is good; on a refusal, reports why and stops. */
  async function tokenAccepted(): Promise<boolean> {
    if (Date.now() - goodCheckAt < CHECK_FRESH_MS) return true;
    const check = await checkToken(fetchFn, token ?? '');
    if (check.ok) {
      goodCheckAt = Date.now();
      return true;
    }
    if (check.status === 401) fail('rejected', 401);
    else if (check.status === 403) fail('forbidden', 403);
    else if (check.status === null) fail('unreachable');
    else fail('server-error', check.status);
    return false;
  }

  async function submit(form: LoginForm, secret: string): Promise<'left' | 'refused' | 'no-answer'> {
    setControlledValue(form.input, secret);
    // React applies the change on its own schedule; clicking before it does would submit an empty box.
    await sleep(50);
    if (form.input.value !== secret) {
      setControlledValue(form.input, secret);
      await sleep(100);
    }
    form.button.click();
    const outcome = await waitFor(() => (!onLoginPage() ? 'left' : showsLoginFailure(win.document) ? 'refused' : null), OUTCOME_WAIT_MS);
    return outcome ?? 'no-answer';
  }

  async function logIn(): Promise<void> {
    cover.show();
    // Logout writes an empty token: the user meant it, so leave them at the login box.
    if (win.localStorage.getItem('token') === '') {
      stop();
      report({ type: 'logged-out' });
      return;
    }
    for (;;) {
      const now = Date.now();
      while (attempts.length > 0 && now - (attempts[0] ?? now) >= windowMs) attempts.shift();
      if (attempts.length >= maxAttempts) return fail('repeated');
      attempts.push(now);

      if (!(await tokenAccepted())) return;
      if (!onLoginPage()) break; // the page moved on by itself meanwhile
      const form = await waitFor(() => (onLoginPage() ? findLoginForm(win.document) : null), FORM_WAIT_MS);
      if (!form) {
        if (!onLoginPage()) break;
        return fail('no-login-form');
      }
      const outcome = await submit(form, token ?? '');
      if (outcome === 'left') {
        report({ type: 'logged-in' });
        break;
      }
      // Refused although the token check passed (or no answer): try again within the attempt budget.
      goodCheckAt = -Infinity;
    }
    if (phase === 'working') phase = 'idle';
    cover.hide();
  }

  /**
   * The app starts logged out on every load, even on / where it does not ask. Show it its own login
   * route the way its router notices (a history entry plus `popstate`, which the page's listeners
   * receive from any world); it logs in and goes back by itself. The state mimics react-router's
   * entries so its history index stays consistent.
   */
  function openLoginRoute(): void {
    const current: unknown = win.history.state;
    const idx = typeof current === 'object' && current !== null && typeof Reflect.get(current, 'idx') === 'number' ? Number(Reflect.get(current, 'idx')) + 1 : 1;
    win.history.pushState({ usr: null, key: 'karpor-autologin', idx }, '', '/login');
    win.dispatchEvent(new PopStateEvent('popstate', { state: win.history.state }));
  }

  async function boot(): Promise<void> {
    if (!(await isRbacEnabled(fetchFn))) {
      // The server ignores tokens now; do not leave one lying in storage for nothing.
      if (win.localStorage.getItem('token') === token) win.localStorage.removeItem('token');
      stop();
      report({ type: 'rbac-off' });
      return;
    }
    if (!(await tokenAccepted())) return;
    // Let the app mount its router before showing it a route.
    await waitFor(() => (win.document.readyState === 'complete' && Date.now() - lastMutation >= SETTLE_QUIET_MS ? true : null), SETTLE_MAX_MS);
    if (phase !== 'booting') return;
    phase = 'working';
    if (!onLoginPage()) openLoginRoute();
    await logIn();
  }
  void boot().catch(() => fail('no-login-form'));

  return { stop };
}
