import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, theme } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/useI18n.ts';
import { useMe } from '../auth/useMe.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { useIsMobile } from '../tracking/useIsMobile.ts';
import { BodySwitcher } from './BodySwitcher.tsx';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NAVIGATION } from './navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const { data: me } = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  // On a phone the side menu is a drawer opened from the header, closed again by choosing a page.
  const mobile = useIsMobile();
  const [drawer, setDrawer] = useState(false);
  if (!me) return null;

  const items = NAVIGATION.filter((n) => me.permissions.includes(n.permission)).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: <Link to={n.path}>{t(n.labelFor ? n.labelFor(me.body?.kind) : n.label)}</Link>,
  }));
  const selected = NAVIGATION.find((n) => location.pathname.startsWith(n.path))?.path;

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.main')}
      onClick={() => setDrawer(false)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={260}
          styles={{ body: { padding: 0 } }}
          title={<BrandMark collapsed={false} />}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={216}
          theme="light"
          // Stays in view while long lists scroll.
          style={{
            boxShadow: '1px 0 0 rgba(0, 0, 0, 0.04)',
            zIndex: 1,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <BrandMark collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: mobile ? 8 : 24,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={mobile ? 4 : 16}>
            <Flex align="center" gap={4} style={{ minWidth: 0, flex: 1, overflow: 'hidden' }}>
              {mobile ? (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setDrawer(true)}
                  aria-label={t('nav.open')}
                  data-testid="nav-open"
                />
              ) : null}
              <BodySwitcher me={me} />
            </Flex>
            <Flex align="center" gap={4} style={{ flexShrink: 0 }}>
              {me.body ? <NotificationBell /> : null}
              <LanguageSwitch />
              <UserMenu me={me} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
