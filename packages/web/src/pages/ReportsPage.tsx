import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { type OpinionReport, REPORT_STATES, type ReportState } from '@yiting/domain';
import { Button, Card, Empty, Flex, Input, List, Segmented, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { ReportStateTag } from '../modules/reports/ReportStateTag.tsx';
import { REPORT_STATISTICS_KEYS, StatisticsFilterTags } from '../modules/statistics/StatisticsFilterTags.tsx';
import { ExportXlsxButton } from '../modules/tracking/ExportXlsxButton.tsx';
import { useIsMobile } from '../modules/tracking/useIsMobile.ts';
import { useUrlFilters } from '../modules/tracking/useUrlFilters.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { SearchHit, SearchSnippets } from '../ui/Highlighted.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const KEYS = ['q', 'state', 'category', 'mine', ...REPORT_STATISTICS_KEYS] as const;

export function ReportsPage() {
  const { t, label, dateTime } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const canManage = usePermission('opinion.manage');
  const canSubmit = usePermission('opinion.submit') && !!me?.account.personId;
  // The office writes for members and organisations (paper submissions), with or without a person of its own.
  const canWrite = usePermission('opinion.submit') && (!!me?.account.personId || canManage);
  const [filters, setFilters, filtered] = useUrlFilters(KEYS);
  const { mine, ...rest } = filters;
  const query = { ...rest, proposerPersonId: mine ? (me?.account.personId ?? undefined) : undefined };
  const list = useCursorList<OpinionReport>('/opinion-reports', query);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if ((filters.q ?? '') === q) return;
    const timer = setTimeout(() => setFilters({ ...filters, q }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, setFilters]);
  const muted = <Typography.Text type="secondary">—</Typography.Text>;
  const empty = list.isPending ? (
    ' '
  ) : (
    <Empty description={t(filtered ? 'reports.noMatch' : 'reports.empty')} />
  );
  const w = (n: number) => (mobile ? '100%' : n);

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={mobile ? undefined : t('reports.subtitle')}
        extra={
          <>
            <ExportXlsxButton path="/opinion-reports" query={query} block={mobile} />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/opinion-reports/new')}
                block={mobile}
              >
                {t('reports.create')}
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
            { value: 'mine', label: t('reports.mine') },
          ]}
        />
      ) : null}
      <Card styles={mobile ? { body: { padding: 12 } } : undefined}>
        <Flex gap={8} wrap vertical={mobile} style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('reports.searchHint')}
            aria-label={t('reports.searchHint')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: w(240) }}
          />
          <Select
            allowClear
            placeholder={t('report.state')}
            value={filters.state}
            onChange={(state?: string) => setFilters({ ...filters, state })}
            options={REPORT_STATES.map((s) => ({ value: s, label: label('reportState', s) }))}
            style={{ width: w(150) }}
          />
          {filtered ? (
            <Button type="link" onClick={() => setFilters({})}>
              {t('common.resetFilters')}
            </Button>
          ) : null}
        </Flex>
        <StatisticsFilterTags value={filters} onChange={setFilters} />
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        {mobile ? (
          <List<OpinionReport>
            loading={list.isPending}
            dataSource={list.items}
            locale={{ emptyText: empty }}
            renderItem={(r) => (
              <List.Item key={r.id} style={{ paddingInline: 0 }}>
                <Link
                  to={`/opinion-reports/${r.id}`}
                  style={{ display: 'block', width: '100%', color: 'inherit' }}
                >
                  <Flex justify="space-between" gap={8} align="flex-start">
                    <Typography.Text strong style={{ flex: 1 }}>
                      <SearchHit title={r.title} highlights={r.highlights} />
                    </Typography.Text>
                    <ReportStateTag state={r.state} />
                  </Flex>
                  <SearchSnippets highlights={r.highlights} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[r.proposerName ?? r.submitterName, r.category].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table<OpinionReport>
            rowKey="id"
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            dataSource={list.items}
            pagination={false}
            size="middle"
            locale={{ emptyText: empty }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('report.title'),
                dataIndex: 'title',
                render: (title: string, r) => (
                  <>
                    <Link to={`/opinion-reports/${r.id}`}>
                      <SearchHit title={title} highlights={r.highlights} />
                    </Link>
                    <SearchSnippets highlights={r.highlights} />
                  </>
                ),
              },
              {
                title: t('report.author'),
                key: 'author',
                width: 160,
                render: (_, r) => r.proposerName ?? r.submitterName ?? muted,
              },
              { title: t('report.category'), dataIndex: 'category', width: 120, render: (c) => c ?? muted },
              {
                title: t('report.state'),
                dataIndex: 'state',
                width: 120,
                render: (s: ReportState) => <ReportStateTag state={s} />,
              },
              {
                title: t('report.submittedAt'),
                dataIndex: 'submittedAt',
                width: 180,
                render: (d: string | null) => (d ? dateTime(d) : muted),
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
