import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { UiLanguage } from './resolve-language.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// antd declares neither package "exports" nor "type": TypeScript (NodeNext) takes these files for
// CommonJS and types the default import as the module object, while Vite hands over the ESM default.
function unwrap(module: unknown): AntdLocale {
  return (typeof module === 'object' && module !== null && 'default' in module ? module.default : module) as AntdLocale;
}

export const antdLocales: Record<UiLanguage, AntdLocale> = { en: unwrap(enUSModule), 'zh-CN': unwrap(zhCNModule) };
