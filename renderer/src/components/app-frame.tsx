import { Flex, Layout, Menu, Tag, Typography, theme } from 'antd';
import { createElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../hooks/use-app-info.ts';
import { useSettings } from '../hooks/use-settings.ts';
import type { PageDefinition } from '../pages/index.ts';
import { NoticesBanner } from './notices-banner.tsx';
import { DesktopStatusBanner } from './desktop-status-banner.tsx';

/** Navigation on the left, the chosen page on the right. */
export function AppFrame({ pages }: { pages: readonly PageDefinition[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { view } = useSettings();
  const info = useAppInfo();
  const [selected, setSelected] = useState(pages[0]?.key ?? '');
  // Narrow windows keep only the icons; the labels stay available to screen readers and as tooltips.
  const [collapsed, setCollapsed] = useState(false);
  const page = pages.find((p) => p.key === selected) ?? pages[0];
  const active = view.settings.profiles.find((p) => p.id === view.settings.activeProfileId);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={216} breakpoint="md" collapsedWidth={64} collapsed={collapsed} onBreakpoint={setCollapsed} trigger={null} style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex vertical style={{ height: '100%' }}>
          <Flex align="center" gap="small" style={{ padding: collapsed ? '20px 18px 12px' : '20px 20px 12px' }}>
            <img src="./karpor-mark.svg" alt="" width={28} height={28} />
            {!collapsed && (
              <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </Flex>
          <nav aria-label={t('app.navigation')} style={{ flex: 1 }}>
            <Menu
              mode="inline"
              selectedKeys={page ? [page.key] : []}
              onClick={({ key }) => setSelected(key)}
              style={{ borderInlineEnd: 'none' }}
              items={pages.map((p) => ({ key: p.key, icon: createElement(p.icon, { 'aria-hidden': true }), label: t(p.title), 'data-page-link': p.key }))}
            />
          </nav>
          {info && !collapsed && (
            <Typography.Text type="secondary" style={{ padding: 16, fontSize: 12 }}>
              {t('app.version', { version: info.version })}
            </Typography.Text>
          )}
        </Flex>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {page ? t(page.title) : null}
          </Typography.Title>
          <Flex align="center" gap="small" data-testid="active-profile">
            <Typography.Text type="secondary">{t('app.activeProfile')}</Typography.Text>
            {active ? <Tag color="processing">{active.name}</Tag> : <Tag>{t('app.noActiveProfile')}</Tag>}
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Flex vertical gap="middle" style={{ maxWidth: 1080, margin: '0 auto' }}>
            <NoticesBanner notices={view.notices} />
            <DesktopStatusBanner />
            <main data-page={page?.key}>{page && createElement(page.component)}</main>
          </Flex>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
