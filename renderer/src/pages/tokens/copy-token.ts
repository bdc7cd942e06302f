import { api, ApiError } from '../../api/index.ts';

const CLEAR_AFTER_MS = 60_000;

/**
 * In the app, main copies a kept token and clears the clipboard after 60 s if it is unchanged.
 * Elsewhere (the dev bridge) and for tokens not kept, the page copies and clears likewise.
 */
export async function copyKeptToken(id: string): Promise<void> {
  try {
    await api.tokens.copy({ id });
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'UNSUPPORTED') throw err;
    await copyText((await api.tokens.reveal({ id })).token);
  }
}

export async function copyText(secret: string): Promise<void> {
  await navigator.clipboard.writeText(secret);
  setTimeout(() => {
    void navigator.clipboard
      .readText()
      .then((current) => (current === secret ? navigator.clipboard.writeText('') : undefined))
      .catch(() => undefined); // reading may be refused; then we leave the clipboard alone
  }, CLEAR_AFTER_MS);
}
