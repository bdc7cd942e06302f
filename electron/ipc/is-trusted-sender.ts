// Only the top-level frame of our own page may call main: not an iframe, not a page that
// navigated elsewhere (the dashboard window, a stray link).
import { isAppUrl } from '../shell/app-origin.ts';

export interface SenderFrame {
  url: string;
  /** `senderFrame.parent === null`. */
  isTopLevel: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.isTopLevel && isAppUrl(frame.url);
}
