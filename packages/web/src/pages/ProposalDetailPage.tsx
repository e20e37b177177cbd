import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  codeLabel,
  type ItemEvent,
  type Proposal,
  type ProposalAction,
  ProposalActionPayloads,
  type ProposalState,
  proposalLabel,
} from '@yiting/domain';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  List,
  Result,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import type { Page } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { unitLabel } from '../modules/matters/unitLabel.ts';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import { ProposalStateTag } from '../modules/proposals/ProposalStateTag.tsx';
import { proposalActionForm } from '../modules/proposals/proposalActionForms.ts';
import { ReplyLetterButton } from '../modules/proposals/ReplyLetterButton.tsx';
import { SimilarProposals } from '../modules/proposals/SimilarProposals.tsx';
import { useProposalConfig } from '../modules/proposals/useProposalConfig.ts';
import type { PayloadSchema } from '../modules/tracking/ActionDialog.tsx';
import { ItemActions } from '../modules/tracking/ItemActions.tsx';
import { ItemTimeline } from '../modules/tracking/ItemTimeline.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { useUnitOptions } from '../modules/units/useUnitOptions.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const PRIMARY: ProposalAction[] = [
  'submit',
  'confirm_signature',
  'accept',
  'assign',
  'receive',
  'record_contact',
  'submit_reply',
  'countersign',
  'approve_reply',
  'rate',
  'final_answer',
  'accept_conversion',
];
const DANGER: ProposalAction[] = [
  'decline_signature',
  'withdraw',
  'reject',
  'return_for_revision',
  'object',
  'reject_extension',
  'return_reply',
  'close',
  'decline_conversion',
];
const SIGNER_COLORS = { invited: 'gold', confirmed: 'success', declined: 'red', dropped: 'default' } as const;

export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { t, label, locale, dateTime, maybe } = useI18n();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const canReview = usePermission('proposal.manage');
  const query = useQuery({
    queryKey: [`/proposals/${id}`],
    queryFn: ({ signal }) => api.get<Proposal>(`/proposals/${id}`, undefined, signal),
  });
  const events = useQuery({
    queryKey: [`/proposals/${id}/events`],
    queryFn: ({ signal }) => api.get<Page<ItemEvent>>(`/proposals/${id}/events`, { limit: 200 }, signal),
    enabled: query.isSuccess,
  });
  const p = query.data;
  const needsUnits = !!p?.actions.some((a) => ['assign', 'object', 'reassign', 'return_reply'].includes(a));
  const units = useUnitOptions(needsUnits);
  const config = useProposalConfig();
  const formOf = useCallback(
    (a: string) =>
      proposalActionForm(a as ProposalAction, p!, {
        t,
        label,
        locale,
        unitOptions: (units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) })),
        config,
      }),
    [p, t, label, locale, units.data, config],
  );

  if (query.isPending) return <FullPageSpin />;
  if (query.error || !p) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('proposal.notFound')}
          extra={
            <Button type="primary" onClick={() => navigate('/proposals')}>
              {t('proposals.backToList')}
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={query.error} />;
  }
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  // Events also record writes outside the machine (create, edit): those have their own texts.
  const actionLabel = (a: string) =>
    a in ProposalActionPayloads
      ? proposalLabel(p.kind, 'proposalAction', a as ProposalAction, locale)
      : (maybe(`item.event.${a}`) ?? a);
  const stateLabel = (s: string) => proposalLabel(p.kind, 'proposalState', s as ProposalState, locale);
  const latestRatings = p.ratings.filter((r) => r.round === p.round);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/proposals">{label('proposalKind', p.kind)}</Link> },
          { title: p.number ?? t('proposal.noNumber') },
        ]}
      />
      <PageHeader
        title={p.title}
        subtitle={
          <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
            {p.number ? <Typography.Text strong>{p.number}</Typography.Text> : null}
            <ProposalStateTag state={p.state} kind={p.kind} />
            {p.key ? <Tag color="red">{t('proposal.key')}</Tag> : null}
            <WarningTag level={p.warning} />
          </Flex>
        }
        extra={
          mobile ? null : (
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
          )
        }
      />
      <ItemActions<Proposal>
        path="/proposals"
        item={p}
        title={p.title}
        actionLabel={actionLabel}
        formOf={formOf}
        schemaOf={(a) => ProposalActionPayloads[a as ProposalAction] as unknown as PayloadSchema}
        primary={PRIMARY}
        danger={DANGER}
        mobile={mobile}
      />
      {p.state === 'returned' || p.state === 'rejected' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={p.rejectReason ?? stateLabel(p.state)}
        />
      ) : null}
      {p.pendingExtension ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('matter.pendingExtension', p.pendingExtension)}
        />
      ) : null}
      {p.state === 'submitted' && canReview ? <SimilarProposals proposal={p} mobile={mobile} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('proposal.basics')} style={{ marginBottom: 16 }} size={mobile ? 'small' : 'default'}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: locale === 'en-US' ? 140 : 90, whiteSpace: 'nowrap' } }}
              items={[
                {
                  key: 'kind',
                  label: t('proposal.submitterKind'),
                  children: label('submitterKind', p.submitterKind),
                },
                { key: 'category', label: t('proposal.category'), children: p.category ?? muted },
                { key: 'sector', label: t('proposal.sector'), children: p.sector ?? muted },
                {
                  key: 'session',
                  label: t('proposal.session'),
                  children: p.sessionTerm
                    ? t('proposal.sessionOf', { term: p.sessionTerm, meeting: p.sessionMeeting ?? '—' })
                    : muted,
                },
                {
                  key: 'submitted',
                  label: t('proposal.submittedAt'),
                  children: p.submittedAt ? dateTime(p.submittedAt) : muted,
                },
                {
                  key: 'deadline',
                  label: t('proposal.deadline'),
                  children:
                    p.deadline ??
                    (p.signatureDeadline && p.state === 'collecting_signatures'
                      ? p.signatureDeadline
                      : muted),
                },
                ...(p.supervisorName
                  ? [
                      {
                        key: 'sup',
                        label: t('proposal.supervisor'),
                        // With the meeting that chose it as a key proposal (主席会议), when recorded.
                        children: [p.supervisorName, p.keyMeeting?.reference, p.keyMeeting?.date]
                          .filter(Boolean)
                          .join(' · '),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card
            title={t('proposal.signers')}
            style={{ marginBottom: 16 }}
            size={mobile ? 'small' : 'default'}
          >
            <List
              size="small"
              data-testid="proposal-signers"
              dataSource={p.signers}
              locale={{ emptyText: p.submitterName ?? '—' }}
              renderItem={(s) => (
                <List.Item key={s.personId} data-person={s.personId}>
                  <span>
                    {s.name}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t(s.role === 'lead' ? 'proposal.lead' : 'proposal.cosigner')}
                    </Typography.Text>
                  </span>
                  <Tag color={SIGNER_COLORS[s.status]} style={{ marginInlineEnd: 0 }} data-status={s.status}>
                    {t(`proposal.signer.${s.status}`)}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
          {p.units.length ? (
            <Card
              title={t('proposal.units')}
              style={{ marginBottom: 16 }}
              size={mobile ? 'small' : 'default'}
            >
              <List
                size="small"
                dataSource={p.units}
                renderItem={(u) => {
                  const rating = latestRatings.find((r) => r.unitId === u.unitId);
                  return (
                    <List.Item key={u.unitId}>
                      <div style={{ width: '100%' }}>
                        <Flex justify="space-between" gap={8} wrap>
                          <Typography.Text>{u.unitName}</Typography.Text>
                          <Tag style={{ marginInlineEnd: 0 }}>{label('handlingRole', u.role)}</Tag>
                        </Flex>
                        <Flex gap={6} wrap style={{ marginTop: 4 }}>
                          {u.reply ? (
                            <Tag color="purple">
                              {t('proposal.replyCategory')}
                              {t('punct.colon')}
                              {codeLabel('resultCategory', u.reply.category, locale, config.labels)}
                            </Tag>
                          ) : null}
                          {u.finalCategory && u.finalCategory !== u.reply?.category ? (
                            <Tag color="green">
                              {t('proposal.finalCategory')}
                              {t('punct.colon')}
                              {codeLabel('resultCategory', u.finalCategory, locale, config.labels)}
                            </Tag>
                          ) : null}
                          {rating
                            ? (['overall', 'attitude', 'result'] as const)
                                .filter((a) => rating[a])
                                .map((a) => (
                                  <Tag
                                    key={a}
                                    color={config.unsatisfiedRatings.includes(rating[a]!) ? 'red' : 'blue'}
                                  >
                                    {label('ratingAspect', a)}
                                    {t('punct.colon')}
                                    {codeLabel('proposalRating', rating[a]!, locale, config.labels)}
                                  </Tag>
                                ))
                            : null}
                          <ReplyLetterButton proposal={p} unit={u} />
                        </Flex>
                      </div>
                    </List.Item>
                  );
                }}
              />
            </Card>
          ) : null}
          <Card
            title={t('proposal.content')}
            style={{ marginBottom: 16 }}
            size={mobile ? 'small' : 'default'}
          >
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap' }}
              ellipsis={mobile ? { rows: 8, expandable: true } : false}
            >
              {p.content}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('item.timeline')} size={mobile ? 'small' : 'default'}>
            {events.error ? <ErrorAlert error={events.error} /> : null}
            <ItemTimeline
              events={events.data?.items ?? []}
              actionLabel={actionLabel}
              stateLabel={stateLabel}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
