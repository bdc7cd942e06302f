import { api, ApiError } from '../../api/index.ts';
// Pure and dependency-free: the same copy-then-clear rule main applies to kept tokens.
import { createClipboardGuard } from '../../../../electron/accounts/clipboard-guard.ts';

const guard = createClipboardGuard(navigator.clipboard, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) });

/**
 * In the app, main copies a kept token and clears the clipboard after 60 s if it is unchanged.
 * Elsewhere (the dev bridge) and for tokens not kept, the page does the same with navigator.clipboard.
 */
export async function copyKeptToken(id: string): Promise<void> {
  try {
    await api.tokens.copy({ id });
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'UNSUPPORTED') throw err;
    await copyText((await api.tokens.reveal({ id })).token);
  }
}

export const copyText = (secret: string): Promise<void> => guard.copy(secret);
