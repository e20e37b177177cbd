import { DownloadOutlined, FlagOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  codeLabel,
  cstDate,
  KEY_STAGES,
  type KeyProgress,
  type KeyProposal,
  type KeyStage,
  type ProposalAction,
  ProposalActionPayloads,
  proposalLabel,
} from '@yiting/domain';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Row,
  Segmented,
  Select,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import { WARNING_COLORS } from '../modules/matters/warningColors.ts';
import { KeyProgressSteps } from '../modules/proposals/KeyProgressSteps.tsx';
import { KeySelectDialog } from '../modules/proposals/KeySelectDialog.tsx';
import { ProposalStateTag } from '../modules/proposals/ProposalStateTag.tsx';
import { useProposalKind } from '../modules/proposals/useProposalKind.ts';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { useUrlFilters } from '../modules/tracking/useUrlFilters.ts';
import { downloadFile } from '../ui/downloadFile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const FILTER_KEYS = ['session', 'leader', 'mine', 'stage'] as const;
/** The stages counted on top, in the order of the path (ended ones are rare and listed only). */
const SHOWN_STAGES: KeyStage[] = KEY_STAGES.filter((s) => s !== 'review' && s !== 'ended');

/**
 * 重点提案 of a session as the chair's meeting and the leading leaders follow them: the stage counts and
 * overdue ones on top, then each proposal with its leader, units, steps, next deadline, latest event and
 * rating; a leader narrows it to those they lead. The office chooses key proposals here (KeySelectDialog).
 */
export function KeyProposalsPage() {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const kind = useProposalKind();
  const mobile = useIsMobile();
  const canManage = usePermission('proposal.manage');
  const isLeader = !!me?.account.personId && !!me.roles.includes('leader');
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [selecting, setSelecting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const k = kind === 'proposal' ? 'keyProposals' : 'keySuggestions';

  const [term, meeting] = filters.session?.split('-').map(Number) ?? [];
  const query = {
    kind,
    sessionTerm: term,
    sessionMeeting: meeting,
    supervisedByMe: filters.mine ? 'true' : undefined,
    supervisorPersonId: filters.mine ? undefined : filters.leader,
  };
  const progress = useQuery({
    queryKey: ['/proposals/key-progress', query],
    queryFn: ({ signal }) => api.get<KeyProgress>('/proposals/key-progress', query, signal),
    placeholderData: keepPreviousData,
  });
  const data = progress.data;
  const stage = filters.stage as KeyStage | 'overdue' | undefined;
  const items = (data?.items ?? []).filter((p) =>
    !stage ? true : stage === 'overdue' ? p.warning === 'red' : p.stage === stage,
  );
  const session = data?.session;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(
        '/proposals/key-progress.xlsx',
        { ...query, sessionTerm: session?.term, sessionMeeting: session?.meeting },
        'key-proposals.xlsx',
      );
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setExporting(false);
    }
  };

  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const actionLabel = (a: string) =>
    a in ProposalActionPayloads ? proposalLabel(kind, 'proposalAction', a as ProposalAction, locale) : a;
  const unitsOf = (p: KeyProposal, co: boolean) =>
    p.units
      .filter((u) => (u.role === 'co') === co)
      .map((u) => u.unitName)
      .join(t('punct.list'));
  const ratingOf = (p: KeyProposal) => {
    const round = Math.max(0, ...p.ratings.map((r) => r.round));
    return p.ratings
      .filter((r) => r.round === round)
      .map((r) => ({ unitId: r.unitId, value: r.overall ?? r.result ?? r.attitude }))
      .filter((r): r is { unitId: string; value: string } => !!r.value);
  };
  const toggleStage = (s: KeyStage | 'overdue') =>
    setFilters({ ...filters, stage: filters.stage === s ? undefined : s });

  const figureTitle = (key: KeyStage | 'overdue' | 'total') =>
    key === 'total'
      ? t(`${k}.total`)
      : key === 'overdue'
        ? t('keyProposals.overdue')
        : label('keyStage', key);
  const figure = (key: KeyStage | 'overdue' | 'total', value: number, color?: string) => {
    const active = key === 'total' ? !stage : stage === key;
    return (
      <Col key={key} xs={12} sm={8} lg={3}>
        <Card
          size="small"
          hoverable
          data-testid={`key-figure-${key}`}
          onClick={() => (key === 'total' ? setFilters({ ...filters, stage: undefined }) : toggleStage(key))}
          style={active ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
        >
          <Statistic
            title={figureTitle(key)}
            value={value}
            styles={{ content: color ? { color } : undefined }}
          />
        </Card>
      </Col>
    );
  };

  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        subtitle={mobile ? undefined : t(`${k}.subtitle`)}
        extra={
          <>
            <Select<string>
              aria-label={t('proposal.session')}
              data-testid="key-session"
              value={session ? `${session.term}-${session.meeting}` : undefined}
              placeholder={t('proposal.session')}
              onChange={(v) => setFilters({ ...filters, session: v, stage: undefined })}
              options={(data?.sessions ?? []).map((s) => ({
                value: `${s.term}-${s.meeting}`,
                label: t('keyProposals.sessionOption', { term: s.term, meeting: s.meeting, n: s.keyCount }),
              }))}
              style={{ width: mobile ? '100%' : 290 }}
              popupMatchSelectWidth={false}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={exportXlsx}
              loading={exporting}
              disabled={!session}
              data-testid="key-export"
            >
              {t('keyProposals.export')}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                icon={<FlagOutlined />}
                onClick={() => setSelecting(true)}
                disabled={!session}
                data-testid="key-select"
              >
                {t(`${k}.select`)}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap align={mobile ? 'stretch' : 'center'} style={{ marginBottom: 12 }} vertical={mobile}>
        {isLeader ? (
          <Segmented
            block={mobile}
            data-testid="key-mine"
            value={filters.mine ? 'mine' : 'all'}
            onChange={(v) =>
              setFilters({
                ...filters,
                mine: v === 'mine' ? '1' : undefined,
                leader: undefined,
                stage: undefined,
              })
            }
            options={[
              { value: 'all', label: t('keyProposals.all') },
              { value: 'mine', label: t('keyProposals.supervisedByMe') },
            ]}
          />
        ) : null}
        {!filters.mine ? (
          <Select<string>
            allowClear
            aria-label={t('keyProposals.leader')}
            data-testid="key-leader"
            placeholder={t('keyProposals.allLeaders')}
            value={filters.leader}
            onChange={(leader) => setFilters({ ...filters, leader, stage: undefined })}
            options={(data?.supervisors ?? []).map((s) => ({
              value: s.personId,
              label: `${s.name}（${s.count}）`,
            }))}
            style={{ width: mobile ? '100%' : 220 }}
          />
        ) : null}
      </Flex>
      {progress.error ? <ErrorAlert error={progress.error} style={{ marginBottom: 16 }} /> : null}
      {data && mobile ? (
        // On a phone: the figures as a line of tags (those with items), each a filter.
        <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="key-summary">
          {(['total', ...SHOWN_STAGES, 'overdue'] as const)
            .map((key) => ({
              key,
              n:
                key === 'total'
                  ? data.summary.total
                  : key === 'overdue'
                    ? data.summary.overdue
                    : (data.summary.byStage[key] ?? 0),
            }))
            .filter(({ key, n }) => key === 'total' || n > 0)
            .map(({ key, n }) => (
              <Tag.CheckableTag
                key={key}
                data-testid={`key-figure-${key}`}
                checked={key === 'total' ? !stage : stage === key}
                onChange={() =>
                  key === 'total' ? setFilters({ ...filters, stage: undefined }) : toggleStage(key)
                }
                style={{
                  fontSize: 13,
                  padding: '2px 10px',
                  border: '1px solid #d9d9d9',
                  ...(key === 'overdue' && stage !== key ? { color: WARNING_COLORS.red } : {}),
                }}
              >
                {figureTitle(key)} {n}
              </Tag.CheckableTag>
            ))}
        </Flex>
      ) : data ? (
        <Row gutter={[8, 8]} style={{ marginBottom: 16 }} data-testid="key-summary">
          {figure('total', data.summary.total)}
          {SHOWN_STAGES.map((s) => figure(s, data.summary.byStage[s] ?? 0))}
          {figure('overdue', data.summary.overdue, data.summary.overdue ? WARNING_COLORS.red : undefined)}
        </Row>
      ) : null}
      <List<KeyProposal>
        data-testid="key-list"
        loading={progress.isPending || progress.isFetching}
        dataSource={items}
        locale={{
          emptyText: progress.isPending ? (
            ' '
          ) : (
            <Empty description={t(filters.mine ? 'keyProposals.emptyMine' : `${k}.empty`)} />
          ),
        }}
        renderItem={(p) => {
          const ratings = ratingOf(p);
          const co = unitsOf(p, true);
          return (
            <Card
              key={p.id}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="key-item"
              data-id={p.id}
              data-stage={p.stage}
              styles={{ body: { padding: mobile ? 12 : 16 } }}
            >
              <Flex justify="space-between" gap={8} align="flex-start" wrap>
                <div style={{ flex: 1, minWidth: 220 }}>
                  {p.number ? (
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                      {p.number}
                    </Typography.Text>
                  ) : null}
                  <Link to={`/proposals/${p.id}`}>
                    <Typography.Text strong>{p.title}</Typography.Text>
                  </Link>
                </div>
                <Flex gap={6} wrap>
                  <ProposalStateTag state={p.state} kind={p.kind} />
                  {p.round > 1 ? <Tag color="orange">{t('keyProposals.round2')}</Tag> : null}
                  <WarningTag level={p.warning} />
                </Flex>
              </Flex>
              <Row gutter={[16, 4]} style={{ marginTop: 8 }}>
                <Col xs={24} md={6}>
                  <Meta label={t(`${kind === 'proposal' ? 'proposals' : 'suggestions'}.proposer`)}>
                    {p.proposerName ?? p.submitterName ?? muted}
                    {p.signers.length > 1 ? (
                      <Typography.Text type="secondary">
                        {' '}
                        {t('proposal.andOthers', { n: p.signers.length - 1 })}
                      </Typography.Text>
                    ) : null}
                  </Meta>
                  <Meta label={t('keyProposals.leader')}>
                    <span data-testid="key-item-leader">{p.supervisorName ?? muted}</span>
                  </Meta>
                </Col>
                <Col xs={24} md={8}>
                  <Meta label={t('keyProposals.lead')}>{unitsOf(p, false) || muted}</Meta>
                  {co ? <Meta label={t('keyProposals.co')}>{co}</Meta> : null}
                </Col>
                <Col xs={24} md={10}>
                  <Meta label={t('keyProposals.nextDeadline')}>
                    {p.nextDeadline ? (
                      <span style={{ color: p.warning ? WARNING_COLORS[p.warning] : undefined }}>
                        {t(`keyProposals.deadline.${p.nextDeadline.kind}`)} {p.nextDeadline.date}
                      </span>
                    ) : (
                      muted
                    )}
                  </Meta>
                  <Meta label={t('keyProposals.latest')}>
                    {p.latestEvent ? (
                      <span data-testid="key-item-latest">
                        {actionLabel(p.latestEvent.action)}
                        <Typography.Text type="secondary">
                          {' · '}
                          {cstDate(new Date(p.latestEvent.at))}
                          {p.latestEvent.actorName ? ` · ${p.latestEvent.actorName}` : ''}
                        </Typography.Text>
                      </span>
                    ) : (
                      muted
                    )}
                  </Meta>
                  {ratings.length ? (
                    <Meta label={t('keyProposals.rating')}>
                      {ratings.map((r) => (
                        <Tag key={r.unitId} color={r.value === 'unsatisfied' ? 'red' : 'blue'}>
                          {codeLabel('proposalRating', r.value, locale)}
                        </Tag>
                      ))}
                    </Meta>
                  ) : null}
                </Col>
              </Row>
              <div style={{ marginTop: 12, overflowX: 'auto' }}>
                <KeyProgressSteps item={p} compact={mobile} />
              </div>
              {p.keyMeeting?.reference || p.keyMeeting?.date ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
                  {t(`${k}.meeting`)}
                  {t('punct.colon')}
                  {[p.keyMeeting.reference, p.keyMeeting.date].filter(Boolean).join(' · ')}
                </Typography.Text>
              ) : null}
            </Card>
          );
        }}
      />
      <KeySelectDialog
        open={selecting}
        kind={kind}
        session={session ?? null}
        mobile={mobile}
        onClose={() => setSelecting(false)}
      />
    </>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ lineHeight: 1.9 }}>
      <Typography.Text type="secondary">
        {label}
        {t('punct.colon')}
      </Typography.Text>
      {children}
    </div>
  );
}
