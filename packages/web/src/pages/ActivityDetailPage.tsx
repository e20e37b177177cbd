import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Activity, ActivityRecord, ActivityType } from '@yiting/domain';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Page } from '../api/useCursorList.ts';
import type { MessageKey } from '../i18n/I18nProvider.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { ActivityFormDrawer } from '../modules/activities/ActivityFormDrawer.tsx';
import { ActivityRecords } from '../modules/activities/ActivityRecords.tsx';
import { ActivityTypeTag } from '../modules/activities/ActivityTypeTag.tsx';
import { type RecordDraft, RecordFormDrawer } from '../modules/activities/RecordFormDrawer.tsx';
import { childTypeOf, matterTitleOf } from '../modules/activities/recordKinds.ts';
import { sourceOfActivity } from '../modules/activities/sourceOfActivity.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { type MatterDraft, MatterFormDrawer } from '../modules/matters/MatterFormDrawer.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const ATTENDANCE_COLORS: Record<string, string> = { present: 'success', excused: 'warning', absent: 'error' };

export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t, label, dateTime, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canCreateMatter = usePermission('matter.manage');
  const canManage = usePermission('activity.manage');
  const [draft, setDraft] = useState<MatterDraft | null>(null);
  const [recordDraft, setRecordDraft] = useState<RecordDraft | null>(null);
  const [form, setForm] = useState<'edit' | 'child' | null>(null);
  const activity = useQuery({
    queryKey: [`/activities/${id}`],
    queryFn: ({ signal }) => api.get<Activity>(`/activities/${id}`, undefined, signal),
  });
  const records = useQuery({
    queryKey: [`/activities/${id}/records`],
    queryFn: ({ signal }) => api.get<Page<ActivityRecord>>(`/activities/${id}/records`, undefined, signal),
    enabled: activity.isSuccess,
  });
  const children = useQuery({
    queryKey: ['/activities', 'children', id],
    queryFn: ({ signal }) => api.get<Page<Activity>>('/activities', { parentId: id, limit: 200 }, signal),
    enabled: activity.isSuccess && activity.data.childCount > 0,
  });
  const parent = useQuery({
    queryKey: [`/activities/${activity.data?.parentId}`],
    queryFn: ({ signal }) => api.get<Activity>(`/activities/${activity.data?.parentId}`, undefined, signal),
    enabled: !!activity.data?.parentId,
  });

  if (activity.isPending) return <FullPageSpin />;
  if (activity.error)
    return (
      <LoadFailed
        error={activity.error}
        notFound={t('activity.notFound')}
        backTo="/activities"
        backText={t('activities.backToList')}
      />
    );
  const a = activity.data;
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (iso: string) => dateTime(iso).replace(/:\d\d$/, '');

  const convert = (r: ActivityRecord) =>
    setDraft({
      title: matterTitleOf(r),
      content: r.content,
      source: sourceOfActivity(a.type),
      sourceActivityId: a.id,
      sourceRecordId: r.id,
      origin:
        r.kind === 'finding'
          ? t('finding.convertOrigin', { activity: a.title, finding: r.title ?? '' })
          : t('record.convertOrigin', {
              activity: a.title,
              kind: label('recordKind', r.kind),
              text: r.title ?? r.personName ?? '',
            }),
    });

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/activities">{t('nav.activities')}</Link> },
          ...(parent.data
            ? [{ title: <Link to={`/activities/${parent.data.id}`}>{parent.data.title}</Link> }]
            : []),
          { title: a.title },
        ]}
      />
      <PageHeader
        title={a.title}
        subtitle={
          <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
            <ActivityTypeTag type={a.type} />
            <Typography.Text type="secondary">
              {when(a.startsAt)}
              {a.endsAt ? ` — ${when(a.endsAt)}` : ''}
            </Typography.Text>
            {a.status !== 'held' ? <Tag>{t(`activity.status.${a.status}` as MessageKey)}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {canManage && childTypeOf(a.type) ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setForm('child')}
                data-testid="activity-add-child"
              >
                {t('activity.addChild', { type: label('activityType', childTypeOf(a.type)) })}
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => setForm('edit')} data-testid="activity-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card title={t('activity.basics')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: locale === 'en-US' ? 104 : 72, whiteSpace: 'nowrap' } }}
              items={[
                { key: 'leader', label: t('activity.leader'), children: a.leaderName ?? muted },
                { key: 'organiser', label: t('activity.organiser'), children: a.organiserUnitName ?? muted },
                { key: 'field', label: t('activity.field'), children: a.field ?? muted },
                { key: 'place', label: t('activity.place'), children: a.place ?? muted },
                {
                  key: 'description',
                  label: t('activity.description'),
                  children: a.description ? (
                    <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
                  ) : (
                    muted
                  ),
                },
                ...(a.minutes
                  ? [
                      {
                        key: 'minutes',
                        label: t('activity.minutes'),
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.minutes}</span>,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {a.childCount ? (
            <Card title={t('activity.children', { n: a.childCount })} style={{ marginBottom: 16 }}>
              <Table<Activity>
                rowKey="id"
                size="small"
                pagination={false}
                loading={children.isPending}
                dataSource={children.data?.items ?? []}
                columns={[
                  {
                    title: t('activity.startsAt'),
                    dataIndex: 'startsAt',
                    width: 110,
                    render: (s: string) => dayjs(s).format('YYYY-MM-DD'),
                  },
                  {
                    title: t('activity.title'),
                    dataIndex: 'title',
                    render: (title: string, c) => (
                      <>
                        <Link to={`/activities/${c.id}`}>{title}</Link>
                        {c.place ? (
                          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                            {c.place}
                          </Typography.Text>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    title: t('activity.type'),
                    dataIndex: 'type',
                    width: 100,
                    render: (ty: ActivityType) => <ActivityTypeTag type={ty} />,
                  },
                ]}
              />
            </Card>
          ) : null}
          <Card title={t('activity.participants', { n: a.participants.length })} style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={a.participants.length > 15 ? { pageSize: 15, size: 'small' } : false}
              dataSource={a.participants}
              locale={{ emptyText: t('activity.noParticipants') }}
              columns={[
                {
                  title: t('activity.participant'),
                  key: 'who',
                  render: (_, p) =>
                    p.personId ? (
                      <Link to={`/people/${p.personId}`}>{p.personName}</Link>
                    ) : (
                      (p.unitName ?? muted)
                    ),
                },
                {
                  title: t('activity.participantRole'),
                  dataIndex: 'role',
                  width: 110,
                  render: (r: string) => label('participantRole', r),
                },
                {
                  title: t('activity.attendance'),
                  dataIndex: 'attendance',
                  width: 80,
                  render: (v: string) => <Tag color={ATTENDANCE_COLORS[v]}>{label('attendance', v)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {records.error ? <ErrorAlert error={records.error} style={{ marginBottom: 16 }} /> : null}
          {records.isPending ? (
            <Card loading />
          ) : (
            <ActivityRecords
              type={a.type}
              records={records.data?.items ?? []}
              {...(canCreateMatter ? { onConvert: convert } : {})}
              {...(canManage ? { onAdd: setRecordDraft } : {})}
            />
          )}
        </Col>
      </Row>
      <MatterFormDrawer
        open={draft !== null}
        initial={draft}
        onClose={() => setDraft(null)}
        onSaved={(m) => {
          setDraft(null);
          message.success(t('matter.created', { title: m.title }));
          navigate(`/matters/${m.id}`);
        }}
      />
      <RecordFormDrawer
        activity={a}
        records={records.data?.items ?? []}
        draft={recordDraft}
        onClose={() => setRecordDraft(null)}
        onSaved={(r) => {
          setRecordDraft(null);
          message.success(t('record.added', { kind: label('recordKind', r.kind) }));
        }}
      />
      <ActivityFormDrawer
        open={form !== null}
        activity={form === 'edit' ? a : undefined}
        parent={form === 'child' ? a : undefined}
        onClose={() => setForm(null)}
        onReload={() => void activity.refetch()}
        onSaved={(saved) => {
          setForm(null);
          message.success(t('activity.saved', { title: saved.title }));
          if (saved.id !== a.id) navigate(`/activities/${saved.id}`);
        }}
      />
    </>
  );
}
