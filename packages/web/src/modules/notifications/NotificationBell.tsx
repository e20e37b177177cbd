import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  itemId: string | null;
  createdAt: string;
  readAt: string | null;
}

const KEY = ['/notifications', 'bell'] as const;
/** The page of the item a notification is about, by the start of its kind. */
const ITEM_PAGES = [
  ['matter.', 'matters'],
  ['proposal.', 'proposals'],
  ['opinion_report.', 'opinion-reports'],
] as const;

/** Assignments, returns, reminders and escalations for this account; polled, so new ones appear unasked. */
export function NotificationBell() {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api.get<Page<Notification> & { unread: number }>('/notifications', { limit: 20 }, signal),
    refetchInterval: 60_000,
  });
  const unread = query.data?.unread ?? 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/notifications'] });

  const openItem = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
    void refresh();
    // A notification's kind starts with its item's type (matter.reminder.red, proposal.reminder.reply.red…).
    const page = ITEM_PAGES.find(([prefix]) => n.kind.startsWith(prefix))?.[1];
    if (n.itemId && page) navigate(`/${page}/${n.itemId}`);
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notifications">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {unread ? (
          <Button
            type="link"
            size="small"
            onClick={async () => {
              await api.post('/notifications/read-all');
              void refresh();
            }}
          >
            {t('notifications.readAll')}
          </Button>
        ) : null}
      </Flex>
      <List
        size="small"
        dataSource={query.data?.items ?? []}
        loading={query.isPending}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />,
        }}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            onClick={() => void openItem(n)}
            style={{ cursor: 'pointer', paddingInline: 8, background: n.readAt ? undefined : '#f0f6ff' }}
          >
            <List.Item.Meta
              title={
                <Flex gap={6} align="center">
                  {n.readAt ? null : <Badge status="processing" />}
                  <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
                </Flex>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.body ? `${n.body} · ` : ''}
                  {dateTime(n.createdAt)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void refresh();
      }}
      content={content}
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
