// The dashboard's words in main (failure dialog, "Signing in" cover, clipboard notice) in the user's
// language, from the window's translation files, like the tray's.
import type { TFunction } from 'i18next';
import type { Preferences } from '../store/settings-schema.ts';
import { mainTranslator } from '../shell/main-translator.ts';
import type { FailureReason } from './autologin/protocol.ts';

export interface FailureMessage {
  message: string;
  detail: string;
  /** Whether a new token can fix it (then the dialog offers "Mint a new token"). */
  canMint: boolean;
}

export interface DashboardText {
  signingIn: string;
  title: string;
  mintNew: string;
  close: string;
  mintFailed: string;
  tokenCopiedTitle: string;
  tokenCopied(account: string | null): string;
  failure(reason: FailureReason, account: string | null): FailureMessage;
}

const MINTABLE: ReadonlySet<FailureReason> = new Set(['rejected', 'repeated']);

export function dashboardTextFrom(t: TFunction): DashboardText {
  return {
    signingIn: t('dashboard.signingIn'),
    title: t('dashboard.title'),
    mintNew: t('dashboard.mintNew'),
    close: t('dashboard.close'),
    mintFailed: t('dashboard.mintFailed'),
    tokenCopiedTitle: t('dashboard.tokenCopiedTitle'),
    tokenCopied: (account) => t('dashboard.tokenCopied', { account: account ?? t('dashboard.theAccount') }),
    failure(reason, account) {
      const who = account ? t('dashboard.who', { account }) : t('dashboard.whoUnknown');
      return { message: t(`dashboard.failure.${reason}.message`, { who }), detail: t(`dashboard.failure.${reason}.detail`), canMint: MINTABLE.has(reason) };
    },
  };
}

export function dashboardText(language: Preferences['language'] = 'en', systemLocale = 'en'): DashboardText {
  return dashboardTextFrom(mainTranslator(language, systemLocale));
}
