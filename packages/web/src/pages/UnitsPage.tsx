import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { UNIT_KINDS, type Unit } from '@yiting/domain';
import { App, Button, Card, Empty, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { usePermission } from '../modules/auth/usePermission.ts';
import { UnitFormDrawer } from '../modules/units/UnitFormDrawer.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function UnitsPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const canManage = usePermission('unit.manage');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [includeShared, setIncludeShared] = useState(true);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const list = useCursorList<Unit>('/units', { q, kind, includeShared: includeShared ? 'true' : 'false' });
  const byId = new Map(list.items.map((u) => [u.id, u]));
  const filtered = !!(q || kind);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('units.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('units.searchHint')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t('unit.kind')}
            value={kind}
            onChange={setKind}
            options={UNIT_KINDS.map((k) => ({ value: k, label: label('unitKind', k) }))}
            style={{ width: 180 }}
          />
          <Flex align="center" gap={8} style={{ marginLeft: 8 }}>
            <Switch checked={includeShared} onChange={setIncludeShared} size="small" id="include-shared" />
            <label htmlFor="include-shared">{t('units.includeShared')}</label>
          </Flex>
        </Flex>
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Unit>
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          size="middle"
          scroll={{ x: 800 }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <Empty description={filtered ? t('units.noMatch') : t('units.empty')}>
                {canManage && !filtered ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                    {t('units.create')}
                  </Button>
                ) : null}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('unit.name'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <>
                  {name}
                  {u.shortName && u.shortName !== name ? (
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {u.shortName}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: t('unit.kind'),
              dataIndex: 'kind',
              width: 150,
              render: (k: string) => label('unitKind', k),
            },
            {
              title: t('unit.parent'),
              dataIndex: 'parentId',
              width: 180,
              render: (id: string | null) => (id ? (byId.get(id)?.name ?? '') : ''),
            },
            {
              title: t('unit.owner'),
              key: 'owner',
              width: 220,
              render: (_, u) =>
                u.shared ? (
                  <Tag>{u.bodyName}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('units.own')}</Typography.Text>
                ),
            },
            { title: t('unit.phone'), dataIndex: 'phone', width: 140 },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, u: Unit) =>
                      u.shared ? null : (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(u)}>
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
      <UnitFormDrawer
        open={editing !== null}
        unit={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          setEditing(null);
          message.success(t('unit.saved', { name: u.name }));
        }}
      />
    </>
  );
}
