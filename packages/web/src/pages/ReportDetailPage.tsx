import { useQuery } from '@tanstack/react-query';
import { type ItemEvent, type OpinionReport, type ReportAction, ReportActionPayloads } from '@yiting/domain';
import { Breadcrumb, Button, Card, Col, Descriptions, Flex, List, Result, Row, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import type { Page } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { ReportStateTag } from '../modules/reports/ReportStateTag.tsx';
import { reportActionForm } from '../modules/reports/reportActionForms.ts';
import type { PayloadSchema } from '../modules/tracking/ActionDialog.tsx';
import { ItemActions } from '../modules/tracking/ItemActions.tsx';
import { ItemTimeline } from '../modules/tracking/ItemTimeline.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const PRIMARY: ReportAction[] = [
  'submit',
  'edit',
  'approve',
  'forward',
  'record_instruction',
  'record_feedback',
];
const DANGER: ReportAction[] = ['decline'];

export function ReportDetailPage() {
  const { id = '' } = useParams();
  const { t, label, locale, dateTime, maybe } = useI18n();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const query = useQuery({
    queryKey: [`/opinion-reports/${id}`],
    queryFn: ({ signal }) => api.get<OpinionReport>(`/opinion-reports/${id}`, undefined, signal),
  });
  const events = useQuery({
    queryKey: [`/opinion-reports/${id}/events`],
    queryFn: ({ signal }) =>
      api.get<Page<ItemEvent>>(`/opinion-reports/${id}/events`, { limit: 200 }, signal),
    enabled: query.isSuccess,
  });
  const r = query.data;
  const formOf = useCallback(
    (a: string) => reportActionForm(a as ReportAction, r!, { t, label }),
    [r, t, label],
  );

  if (query.isPending) return <FullPageSpin />;
  if (query.error || !r) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('report.notFound')}
          extra={
            <Button type="primary" onClick={() => navigate('/opinion-reports')}>
              {t('reports.backToList')}
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={query.error} />;
  }
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const actionLabel = (a: string) =>
    a in ReportActionPayloads ? label('reportAction', a) : (maybe(`item.event.${a}`) ?? a);
  const over = r.charCount > r.maxChars;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/opinion-reports">{t('nav.reports')}</Link> }, { title: r.title }]}
      />
      <PageHeader title={r.title} subtitle={<ReportStateTag state={r.state} />} />
      <ItemActions<OpinionReport>
        path="/opinion-reports"
        item={r}
        title={r.title}
        actionLabel={actionLabel}
        formOf={formOf}
        schemaOf={(a) => ReportActionPayloads[a as ReportAction] as unknown as PayloadSchema}
        primary={PRIMARY}
        danger={DANGER}
        mobile={mobile}
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('report.basics')} style={{ marginBottom: 16 }} size={mobile ? 'small' : 'default'}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: locale === 'en-US' ? 130 : 90, whiteSpace: 'nowrap' } }}
              items={[
                {
                  key: 'author',
                  label: t('report.author'),
                  children: r.proposerName ?? r.submitterName ?? muted,
                },
                {
                  key: 'kind',
                  label: t('report.submitterKind'),
                  children: label('reportSubmitterKind', r.submitterKind),
                },
                { key: 'category', label: t('report.category'), children: r.category ?? muted },
                {
                  key: 'submitted',
                  label: t('report.submittedAt'),
                  children: r.submittedAt ? dateTime(r.submittedAt) : muted,
                },
                {
                  key: 'chars',
                  label: t('report.length'),
                  children: (
                    <Typography.Text type={over ? 'danger' : undefined}>
                      {t('item.charsOf', { n: r.charCount, max: r.maxChars })}
                    </Typography.Text>
                  ),
                },
                ...(r.declineReason
                  ? [{ key: 'decline', label: t('report.declineReason'), children: r.declineReason }]
                  : []),
              ]}
            />
          </Card>
          <Card title={t('report.content')} style={{ marginBottom: 16 }} size={mobile ? 'small' : 'default'}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
          </Card>
          {r.forwards.length || r.adoptions.length ? (
            <Card title={t('report.forwards')} style={{ marginBottom: 16 }} size="small">
              <Flex gap={6} wrap>
                {r.forwards.map((f) => (
                  <Tag key={`${f.level}-${f.number}`} color="purple">
                    {label('reportLevel', f.level)} · {f.bulletin} {f.number}
                  </Tag>
                ))}
                {r.adoptions.map((a) => (
                  <Tag key={`a-${a.level}`} color="green">
                    {t('report.adoptedAt', { level: label('reportLevel', a.level) })}
                  </Tag>
                ))}
              </Flex>
            </Card>
          ) : null}
          {r.instructions.length ? (
            <Card title={t('report.instructions')} style={{ marginBottom: 16 }} size="small">
              <List
                size="small"
                dataSource={r.instructions}
                renderItem={(i, n) => (
                  <List.Item key={n}>
                    <div>
                      <Typography.Text strong>
                        {i.leaderName}（{label('instructionLevel', i.leaderLevel)}）{i.date}
                      </Typography.Text>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
                        {i.text}
                      </Typography.Paragraph>
                      {i.feedback.map((f) => (
                        <Typography.Paragraph key={f.at} type="secondary" style={{ marginBottom: 4 }}>
                          {t('report.feedback')}
                          {t('punct.colon')}
                          {f.text}
                        </Typography.Paragraph>
                      ))}
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('item.timeline')} size={mobile ? 'small' : 'default'}>
            {events.error ? <ErrorAlert error={events.error} /> : null}
            <ItemTimeline
              events={events.data?.items ?? []}
              actionLabel={actionLabel}
              stateLabel={(s) => label('reportState', s)}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
