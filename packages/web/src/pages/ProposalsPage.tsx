import { PlusOutlined } from '@ant-design/icons';
import type { Proposal, ProposalState } from '@yiting/domain';
import { Button, Card, Empty, Flex, List, Segmented, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import { PROPOSAL_FILTER_KEYS, ProposalFilters } from '../modules/proposals/ProposalFilters.tsx';
import { ProposalStateTag } from '../modules/proposals/ProposalStateTag.tsx';
import { useProposalKind } from '../modules/proposals/useProposalKind.ts';
import { StatisticsFilterTags } from '../modules/statistics/StatisticsFilterTags.tsx';
import { ExportXlsxButton } from '../modules/tracking/ExportXlsxButton.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { useUrlFilters } from '../modules/tracking/useUrlFilters.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { SearchHit, SearchSnippets } from '../ui/Highlighted.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function ProposalsPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const kind = useProposalKind();
  const mobile = useIsMobile();
  const canManage = usePermission('proposal.manage');
  // Leaders read every item: they filter by unit, sector and key like the office (statistics link so).
  const canFilterAll = usePermission('statistics.read') || canManage;
  const canSubmit = usePermission('proposal.submit') && !!me?.account.personId;
  // The office writes for members and organisations (paper submissions), with or without a person of its own.
  const canWrite = usePermission('proposal.submit') && (!!me?.account.personId || canManage);
  const [filters, setFilters, filtered] = useUrlFilters(PROPOSAL_FILTER_KEYS);
  const { mine, ...rest } = filters;
  const query = {
    ...rest,
    kind,
    proposerPersonId: mine ? (me?.account.personId ?? undefined) : undefined,
  };
  const list = useCursorList<Proposal>('/proposals', query);
  const k = kind === 'proposal' ? 'proposals' : 'suggestions';
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const empty = list.isPending ? (
    ' '
  ) : (
    <Empty description={t(filtered ? 'proposals.noMatch' : 'proposals.empty')} />
  );
  const leadUnit = (p: Proposal) =>
    p.units
      .filter((u) => u.role !== 'co')
      .map((u) => u.unitName)
      .join(t('punct.list'));

  return (
    <>
      <PageHeader
        title={t(`${k}.title`)}
        subtitle={mobile ? undefined : t(`${k}.subtitle`)}
        extra={
          <>
            <ExportXlsxButton path="/proposals" query={query} block={mobile} />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/proposals/new')}
                block={mobile}
                data-testid="proposal-new"
              >
                {t(`${k}.create`)}
              </Button>
            ) : null}
          </>
        }
      />
      {canSubmit ? (
        <Segmented
          block={mobile}
          style={{ marginBottom: 12 }}
          value={mine ? 'mine' : 'all'}
          onChange={(v) => setFilters({ ...filters, mine: v === 'mine' ? '1' : undefined })}
          options={[
            { value: 'all', label: t(canManage ? 'proposals.all' : 'proposals.visible') },
            { value: 'mine', label: t('proposals.mine') },
          ]}
        />
      ) : null}
      <Card styles={mobile ? { body: { padding: 12 } } : undefined}>
        <ProposalFilters
          value={filters}
          onChange={setFilters}
          kind={kind}
          mobile={mobile}
          canManage={canFilterAll}
        />
        <StatisticsFilterTags value={filters} onChange={setFilters} kind={kind} />
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        {mobile ? (
          <List<Proposal>
            data-testid="proposals-list"
            loading={list.isPending}
            dataSource={list.items}
            locale={{ emptyText: empty }}
            renderItem={(p) => (
              <List.Item key={p.id} style={{ paddingInline: 0 }}>
                <Link to={`/proposals/${p.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
                  <Flex justify="space-between" gap={8} align="flex-start">
                    <Typography.Text strong style={{ flex: 1 }}>
                      <SearchHit title={p.title} highlights={p.highlights} />
                    </Typography.Text>
                    <ProposalStateTag state={p.state} kind={p.kind} />
                  </Flex>
                  <SearchSnippets highlights={p.highlights} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[p.number, p.proposerName ?? p.submitterName, p.category].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table<Proposal>
            rowKey="id"
            data-testid="proposals-table"
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            dataSource={list.items}
            pagination={false}
            size="middle"
            locale={{ emptyText: empty }}
            scroll={{ x: 1000 }}
            onRow={(p) => ({ onDoubleClick: () => navigate(`/proposals/${p.id}`) })}
            columns={[
              { title: t('proposal.number'), dataIndex: 'number', width: 120, render: (n) => n ?? muted },
              {
                title: t('proposal.title'),
                dataIndex: 'title',
                render: (title: string, p) => (
                  <>
                    <Link to={`/proposals/${p.id}`}>
                      <SearchHit title={title} highlights={p.highlights} />
                    </Link>
                    {p.key ? (
                      <Tag color="red" style={{ marginInlineStart: 8 }}>
                        {t('proposal.key')}
                      </Tag>
                    ) : null}
                    <SearchSnippets highlights={p.highlights} />
                  </>
                ),
              },
              {
                title: t(`${k}.proposer`),
                key: 'proposer',
                width: 170,
                render: (_, p) => (
                  <>
                    {p.proposerName ?? p.submitterName ?? muted}
                    {p.signers.length > 1 ? (
                      <Typography.Text type="secondary">
                        {' '}
                        {t('proposal.andOthers', { n: p.signers.length - 1 })}
                      </Typography.Text>
                    ) : null}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {label('submitterKind', p.submitterKind)}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t('proposal.category'), dataIndex: 'category', width: 110, render: (c) => c ?? muted },
              { title: t('proposal.unit'), key: 'unit', width: 180, render: (_, p) => leadUnit(p) || muted },
              {
                title: t('proposal.state'),
                dataIndex: 'state',
                width: 130,
                render: (s: ProposalState, p) => <ProposalStateTag state={s} kind={p.kind} />,
              },
              {
                title: t('proposal.deadline'),
                key: 'deadline',
                width: 150,
                render: (_, p) =>
                  p.deadline ? (
                    <>
                      {p.deadline} {p.warning ? <WarningTag level={p.warning} /> : null}
                    </>
                  ) : (
                    muted
                  ),
              },
            ]}
          />
        )}
        <LoadMore
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}
