import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@yiting/domain';
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { storeMe } from '../auth/useMe.ts';
import { useIsMobile } from '../tracking/useIsMobile.ts';

export function UserMenu({ me }: { me: Me }) {
  const { t, label } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mobile = useIsMobile();

  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      // Signed out locally even if the server could not be told: nothing of the session stays in memory.
      queryClient.clear();
      storeMe(queryClient, null);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div style={{ minWidth: 180 }}>
                <div>{me.account.displayName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {me.account.username}
                  {me.roles.length ? ` · ${me.roles.map((r) => label('role', r)).join(t('punct.list'))}` : ''}
                </Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ paddingInline: 8 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d5ba6' }} />
        {mobile ? null : <span>{me.account.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
