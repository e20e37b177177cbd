import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Matter, MatterState, WarningLevel } from '@yiting/domain';
import { App, Button, Card, Empty, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { MatterFilters } from '../modules/matters/MatterFilters.tsx';
import { MatterFormDrawer } from '../modules/matters/MatterFormDrawer.tsx';
import { MatterStateTag } from '../modules/matters/MatterStateTag.tsx';
import { MATTER_FILTER_KEYS, type MatterFilterValues } from '../modules/matters/matterFilterKeys.ts';
import { WarningTag } from '../modules/matters/WarningTag.tsx';
import { downloadFile } from '../ui/downloadFile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { SearchHit, SearchSnippets } from '../ui/Highlighted.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function MattersPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canManage = usePermission('matter.manage');
  const canLedger = usePermission('dashboard.read');
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters = useMemo<MatterFilterValues>(
    () => Object.fromEntries(MATTER_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
    [params],
  );
  const setFilters = useCallback(
    (next: MatterFilterValues) => {
      const p = new URLSearchParams();
      for (const k of MATTER_FILTER_KEYS) {
        const v = next[k];
        if (v) p.set(k, v);
      }
      setParams(p, { replace: true });
    },
    [setParams],
  );
  const list = useCursorList<Matter>('/matters', { ...filters });
  const filtered = MATTER_FILTER_KEYS.some((k) => filters[k]);

  const exportLedger = async () => {
    setExporting(true);
    try {
      await downloadFile('/matters/ledger.xlsx', { ...filters }, 'ledger.xlsx');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setExporting(false);
    }
  };

  const muted = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <PageHeader
        title={t('matters.title')}
        subtitle={t('matters.subtitle')}
        extra={
          <>
            {canLedger ? (
              <Button icon={<DownloadOutlined />} onClick={exportLedger} loading={exporting}>
                {t('matters.exportLedger')}
              </Button>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('matters.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <MatterFilters value={filters} onChange={setFilters} />
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Matter>
          rowKey="id"
          data-testid="matters-table"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          size="middle"
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <Empty description={t(filtered ? 'matters.noMatch' : 'matters.empty')} />
            ),
          }}
          scroll={{ x: 1100 }}
          onRow={(m) => ({ onDoubleClick: () => navigate(`/matters/${m.id}`) })}
          columns={[
            {
              title: t('matter.number'),
              dataIndex: 'number',
              width: 170,
              render: (n: string | null) => n ?? muted,
            },
            {
              title: t('matter.title'),
              dataIndex: 'title',
              render: (title: string, m) => (
                <>
                  <Link to={`/matters/${m.id}`}>
                    <SearchHit title={title} highlights={m.highlights} />
                  </Link>
                  <SearchSnippets highlights={m.highlights} />
                  {m.sourceActivityTitle ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {m.sourceActivityTitle}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: t('matter.source'),
              dataIndex: 'source',
              width: 130,
              render: (s: string) => label('matterSource', s),
            },
            {
              title: t('matter.leadUnit'),
              key: 'lead',
              width: 190,
              render: (_, m) => m.units.find((u) => u.role === 'lead')?.unitName ?? muted,
            },
            {
              title: t('matter.state'),
              dataIndex: 'state',
              width: 120,
              render: (s: MatterState) => <MatterStateTag state={s} />,
            },
            {
              title: t('matter.warning'),
              dataIndex: 'warning',
              width: 150,
              render: (w: WarningLevel | null) => (w ? <WarningTag level={w} /> : muted),
            },
            {
              title: t('matter.deadline'),
              dataIndex: 'deadline',
              width: 120,
              render: (d: string | null) => d ?? muted,
            },
          ]}
        />
        <LoadMore
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Card>
      <MatterFormDrawer
        open={creating}
        initial={null}
        onClose={() => setCreating(false)}
        onSaved={(m) => {
          setCreating(false);
          message.success(t('matter.created', { title: m.title }));
          navigate(`/matters/${m.id}`);
        }}
      />
    </>
  );
}
