// The window's pages, in menu order. A feature adds its page with one entry here (Settings stays last).
import { IdcardOutlined, KeyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import { ProfilePage } from './profile/profile-page.tsx';
import { SettingsPage } from './settings/settings-page.tsx';
import { AccountsPage } from './accounts/accounts-page.tsx';
import { TokensPage } from './tokens/tokens-page.tsx';
import { ForwardPage } from './forward/forward-page.tsx';
import { SwapOutlined } from '@ant-design/icons';

export interface PageDefinition {
  /** Stable id, also the menu key and the `data-page` attribute tests select by. */
  key: string;
  /** i18n key of the menu label and page title. */
  title: ParseKeys;
  /** Decorative next to the label, so rendered aria-hidden. */
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  component: ComponentType;
}

export const pages: readonly PageDefinition[] = [
  { key: 'profile', title: 'nav.profile', icon: IdcardOutlined, component: ProfilePage },
  { key: 'accounts', title: 'nav.accounts', icon: TeamOutlined, component: AccountsPage },
  { key: 'tokens', title: 'nav.tokens', icon: KeyOutlined, component: TokensPage },
  { key: 'forward', title: 'nav.forward', icon: SwapOutlined, component: ForwardPage },
  { key: 'settings', title: 'nav.settings', icon: SettingOutlined, component: SettingsPage },
];
