import { BankOutlined, DownOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@yiting/domain';
import { App, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ME_KEY, storeMe } from '../auth/useMe.ts';

/** The body the user acts in; every list and write is scoped by it, so switching reloads all data. */
export function BodySwitcher({ me }: { me: Me }) {
  const { t, label } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const current = me.body;
  const title = current ? current.name : t('header.noBody');
  if (me.bodies.length <= 1) {
    return (
      <Typography.Text
        strong
        data-testid="current-body"
        ellipsis
        style={{ whiteSpace: 'nowrap', maxWidth: '100%' }}
      >
        <BankOutlined style={{ marginRight: 8 }} />
        {title}
      </Typography.Text>
    );
  }

  const switchTo = async (bodyId: string) => {
    if (bodyId === current?.id) return;
    setBusy(true);
    try {
      const next = await api.post<Me>('/me/body', { bodyId });
      // Data of the old body must not show under the new one's name.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      storeMe(queryClient, next);
      const section = location.pathname.split('/')[1] ?? '';
      navigate(`/${section}`);
      message.success(t('header.switchedBody', { name: next.body?.name ?? '' }));
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: current ? [current.id] : [],
        items: me.bodies.map((b) => ({
          key: b.id,
          label: (
            <span>
              {b.name}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {b.roles.map((r) => label('role', r)).join(' · ')}
              </Typography.Text>
            </span>
          ),
        })),
        onClick: ({ key }) => void switchTo(key),
      }}
    >
      <Button
        type="text"
        loading={busy}
        data-testid="current-body"
        title={t('header.switchBody')}
        style={{ maxWidth: '100%', minWidth: 0 }}
      >
        <BankOutlined />
        {/* A long name is cut on a phone rather than pushing the header's buttons over it. */}
        <strong style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {title}
        </strong>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
