import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Person } from '@yiting/domain';
import { App, Button, Card, Empty, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/ApiError.ts';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { ImportDialog } from '../modules/people/ImportDialog.tsx';
import { MembershipTags } from '../modules/people/MembershipTags.tsx';
import { PeopleFilters, type PeopleFilterValues } from '../modules/people/PeopleFilters.tsx';
import { PersonFormDrawer } from '../modules/people/PersonFormDrawer.tsx';
import { downloadFile } from '../ui/downloadFile.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const FILTER_KEYS = ['q', 'role', 'deputyLevel', 'sector'] as const;

export function PeoplePage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canManage = usePermission('person.manage');
  const canImport = usePermission('person.import');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters = useMemo<PeopleFilterValues>(
    () => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
    [params],
  );
  const setFilters = useCallback(
    (next: PeopleFilterValues) => {
      const p = new URLSearchParams();
      for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
      setParams(p, { replace: true });
    },
    [setParams],
  );
  const list = useCursorList<Person>('/people', { ...filters });
  const filtered = FILTER_KEYS.some((k) => filters[k]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile('/people/export.xlsx', { ...filters }, 'people.xlsx');
    } catch (e) {
      message.error(isApiError(e) ? e.title : t('error.unexpected'));
    } finally {
      setExporting(false);
    }
  };

  const empty = filtered ? (
    <Empty description={t('people.noMatch')} />
  ) : (
    <Empty description={t('people.empty')}>
      {canManage ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('people.create')}
        </Button>
      ) : null}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        extra={
          <>
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('people.import')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting}>
              {t('people.export')}
            </Button>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('people.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <PeopleFilters value={filters} onChange={setFilters} />
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Person>
          rowKey="id"
          data-testid="people-table"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          size="middle"
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          scroll={{ x: 900 }}
          onRow={(p) => ({ onDoubleClick: () => navigate(`/people/${p.id}`) })}
          columns={[
            {
              title: t('person.name'),
              dataIndex: 'name',
              width: 140,
              render: (name: string, p) => (
                <>
                  <Link to={`/people/${p.id}`}>{name}</Link>
                  {p.gender ? (
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {label('gender', p.gender)}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: t('person.memberships'),
              key: 'memberships',
              width: 260,
              render: (_, p) => <MembershipTags memberships={p.memberships} />,
            },
            {
              title: t('people.orgAndPosition'),
              key: 'org',
              render: (_, p) =>
                p.position || p.organization ? (
                  <>
                    <div>{p.position}</div>
                    {p.organization ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.organization}
                      </Typography.Text>
                    ) : null}
                  </>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t('person.membership.unit'),
              key: 'units',
              width: 200,
              render: (_, p) =>
                [...new Set(p.memberships.map((m) => m.unitName).filter(Boolean))].join(t('punct.list')),
            },
            { title: t('person.phone'), dataIndex: 'phone', width: 140 },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, p: Person) => (
                      <Button type="link" size="small" onClick={() => setEditing(p)} style={{ padding: 0 }}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMore
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Card>
      <PersonFormDrawer
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          message.success(t('person.saved', { name: p.name }));
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
