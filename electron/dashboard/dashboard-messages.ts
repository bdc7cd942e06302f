// What the user reads when the dashboard did not take the token, per reason the auto-login reports.
import type { FailureReason } from './autologin/protocol.ts';

export interface FailureMessage {
  message: string;
  detail: string;
  /** Whether a new token can fix it (then the dialog offers "Mint a new token"). */
  canMint: boolean;
}

export function failureMessage(reason: FailureReason, account: string | null): FailureMessage {
  const who = account ? `the account "${account}"` : 'this account';
  switch (reason) {
    case 'rejected':
      return {
        message: `The Karpor dashboard refused the token of ${who}.`,
        detail: 'The token has expired or was revoked, or its account was deleted. A new token fixes the first two; if the account is gone, create it again first.',
        canMint: true,
      };
    case 'forbidden':
      return {
        message: `The token of ${who} is valid, but the account may not use the dashboard.`,
        detail: 'Bind the account to a dashboard role (karpor-guest or karpor-admin) in Karpor Desktop, then open the dashboard again.',
        canMint: false,
      };
    case 'unreachable':
      return { message: 'The Karpor dashboard stopped answering while logging in.', detail: 'Check that forwarding is ready, then reload the dashboard window.', canMint: false };
    case 'server-error':
      return { message: 'The Karpor server failed while checking the token.', detail: 'Try again in a moment; if it keeps failing, check the karpor-server pods.', canMint: false };
    case 'no-login-form':
      return {
        message: 'Karpor Desktop could not find the dashboard\'s login box.',
        detail: 'This Karpor version may have a different login page. The token is on its way: use "Open in browser" to paste it by hand.',
        canMint: false,
      };
    case 'repeated':
      return {
        message: `The dashboard kept asking for a login with the token of ${who}.`,
        detail: 'Karpor Desktop stopped trying instead of looping. A new token usually fixes this.',
        canMint: true,
      };
  }
}
