import { CalendarOutlined, PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { ACTIVITY_TYPES, type Activity, type ActivityType } from '@yiting/domain';
import { App, Button, Card, Empty, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { ActivityCalendar } from '../modules/activities/ActivityCalendar.tsx';
import { ActivityFormDrawer } from '../modules/activities/ActivityFormDrawer.tsx';
import { ActivityTypeTag } from '../modules/activities/ActivityTypeTag.tsx';
import { CalendarFeedButton } from '../modules/activities/CalendarFeedButton.tsx';
import { usePermission } from '../modules/auth/usePermission.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function ActivitiesPage() {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canManage = usePermission('activity.manage');
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const type = params.get('type') ?? undefined;
  const qParam = params.get('q') ?? '';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : dayjs().format('YYYY-MM');
  const [q, setQ] = useState(qParam);

  const update = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  useEffect(() => setQ(qParam), [qParam]);
  useEffect(() => {
    if (q === qParam) return;
    const timer = setTimeout(() => {
      const p = new URLSearchParams(params);
      if (q) p.set('q', q);
      else p.delete('q');
      setParams(p, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, qParam, params, setParams]);

  const list = useCursorList<Activity>('/activities', { type, q: qParam, topLevel: 'true' });
  const muted = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        subtitle={t('activities.subtitle')}
        extra={
          <>
            <CalendarFeedButton />
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="activity-create"
              >
                {t('activities.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Segmented
            value={view}
            onChange={(v) => update({ view: v === 'calendar' ? 'calendar' : undefined })}
            options={[
              { value: 'list', label: t('activities.list'), icon: <UnorderedListOutlined /> },
              { value: 'calendar', label: t('activities.calendar'), icon: <CalendarOutlined /> },
            ]}
          />
          {view === 'list' ? (
            <Flex gap={8} wrap>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t('activities.searchHint')}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                style={{ width: 240 }}
                aria-label={t('activities.search')}
              />
              <Select
                allowClear
                placeholder={t('activity.type')}
                value={type}
                onChange={(v?: string) => update({ type: v })}
                options={ACTIVITY_TYPES.map((a) => ({ value: a, label: <ActivityTypeTag type={a} /> }))}
                style={{ width: 180 }}
              />
            </Flex>
          ) : null}
        </Flex>
        {view === 'calendar' ? (
          <ActivityCalendar month={month} onMonth={(m) => update({ month: m })} />
        ) : (
          <>
            {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
            <Table<Activity>
              rowKey="id"
              data-testid="activities-table"
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              dataSource={list.items}
              pagination={false}
              size="middle"
              scroll={{ x: 900 }}
              locale={{
                emptyText: list.isPending ? (
                  ' '
                ) : (
                  <Empty description={t('activities.empty')}>
                    {canManage && !qParam && !type ? (
                      <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                        {t('activities.create')}
                      </Button>
                    ) : null}
                  </Empty>
                ),
              }}
              onRow={(a) => ({ onDoubleClick: () => navigate(`/activities/${a.id}`) })}
              columns={[
                {
                  title: t('activity.startsAt'),
                  dataIndex: 'startsAt',
                  width: 170,
                  render: (s: string) => dateTime(s).replace(/:\d\d$/, ''),
                },
                {
                  title: t('activity.type'),
                  dataIndex: 'type',
                  width: 130,
                  render: (ty: ActivityType) => <ActivityTypeTag type={ty} />,
                },
                {
                  title: t('activity.title'),
                  dataIndex: 'title',
                  render: (title: string, a) => (
                    <>
                      <Link to={`/activities/${a.id}`}>{title}</Link>
                      {a.childCount ? (
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                          {t('activity.childCount', { n: a.childCount })}
                        </Typography.Text>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: t('activity.leader'),
                  dataIndex: 'leaderName',
                  width: 110,
                  render: (v: string | null) => v ?? muted,
                },
                {
                  title: t('activity.place'),
                  dataIndex: 'place',
                  width: 180,
                  render: (v: string | null) => v ?? muted,
                },
              ]}
            />
            <LoadMore
              shown={list.items.length}
              hasMore={!!list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoad={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Card>
      <ActivityFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          message.success(t('activity.created', { title: a.title }));
          navigate(`/activities/${a.id}`);
        }}
      />
    </>
  );
}
