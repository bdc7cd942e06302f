// The auto-login controller: keeps the token where the Karpor UI reads it, and logs in for the user
// whenever the UI shows /login. Karpor keeps "logged in" only in memory, so after every page load
// the deep routes send the user to /login even though localStorage already holds a good token.
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
const LOGIN_PATH = /^\/login\/?$/;

export interface AutologinHost {
  win: Window;
  report: Reporter;
  fetch?: Fetch;
}

export interface Autologin {
  stop(): void;
}

type Phase = 'idle' | 'working' | 'stopped';

export function startAutologin(config: AutologinConfig, host: AutologinHost): Autologin {
  const { win, report } = host;
  const token = config.token;
  const noop: Autologin = { stop: () => undefined };
  if (!token) return noop; // RBAC off: the dashboard never asks, so neither do we.

  // Before any dashboard script runs (the host injects this at document-start).
  win.localStorage.setItem('token', token);

  const fetchFn: Fetch = host.fetch ?? ((input, init) => win.fetch(input, init));
  const maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS;
  const cover = createCover(win.document, config.signingInLabel ?? 'Signing in to Karpor…');
  const attempts: number[] = [];
  let rbac: Promise<boolean> | null = null;
  let phase: Phase = 'idle';

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
    if (phase === 'stopped') return;
    if (!onLoginPage()) {
      if (phase === 'idle') cover.hide();
      return;
    }
    if (phase === 'idle') {
      phase = 'working';
      void logIn().catch(() => fail('no-login-form'));
    }
  });

  function stop(): void {
    phase = 'stopped';
    stopWatching();
    cover.hide();
  }
  function fail(reason: FailureReason, status?: number): void {
    stop();
    report(status === undefined ? { type: 'failed', reason } : { type: 'failed', reason, status });
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
    rbac ??= isRbacEnabled(fetchFn);
    if (!(await rbac)) {
      stop();
      report({ type: 'rbac-off' });
      return;
    }
    for (;;) {
      const now = Date.now();
      while (attempts.length > 0 && now - (attempts[0] ?? now) >= windowMs) attempts.shift();
      if (attempts.length >= maxAttempts) return fail('repeated');
      attempts.push(now);

      const check = await checkToken(fetchFn, token ?? '');
      if (!check.ok) {
        if (check.status === 401) return fail('rejected', 401);
        if (check.status === 403) return fail('forbidden', 403);
        if (check.status === null) return fail('unreachable');
        return fail('server-error', check.status);
      }
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
    }
    phase = 'idle';
    cover.hide();
  }

  return { stop };
}
