import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { useMe } from '../modules/auth/useMe.ts';
import { type BodyNode, useBodyTree } from '../modules/bodies/useBodyTree.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const KIND_COLORS: Record<string, string> = {
  npc_standing_committee: 'red',
  town_npc_presidium: 'orange',
  cppcc_committee: 'blue',
  government: 'geekblue',
};

export function BodiesPage() {
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const tree = useBodyTree();
  const roots = tree.data?.roots ?? [];
  // Open by default: the tree is small and seeing the whole of it is the point of the page.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expanded = (tree.data?.withChildren ?? []).filter((id) => !collapsed.has(id));

  return (
    <>
      <PageHeader
        title={t('bodies.title')}
        subtitle={tree.data ? t('bodies.subtitle', { n: tree.data.count }) : t('bodies.subtitleShort')}
      />
      <Card>
        {tree.error ? <ErrorAlert error={tree.error} style={{ marginBottom: 16 }} /> : null}
        {roots.length ? (
          <Table<BodyNode>
            rowKey="id"
            dataSource={roots}
            pagination={false}
            loading={tree.isFetching}
            expandable={{
              expandedRowKeys: expanded,
              onExpand: (open, b) =>
                setCollapsed((prev) => {
                  const next = new Set(prev);
                  if (open) next.delete(b.id);
                  else next.add(b.id);
                  return next;
                }),
            }}
            size="middle"
            scroll={{ x: 1100 }}
            columns={[
              {
                title: t('body.name'),
                dataIndex: 'name',
                width: 400,
                render: (name: string, b) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text strong={b.id === me?.body?.id}>{name}</Typography.Text>
                    {b.id === me?.body?.id ? (
                      <Tag color="processing" style={{ marginLeft: 8 }}>
                        {t('bodies.current')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              { title: t('body.shortName'), dataIndex: 'shortName', width: 180 },
              {
                title: t('body.kind'),
                dataIndex: 'kind',
                width: 190,
                render: (k: string) => (
                  <Tag color={KIND_COLORS[k]} variant="outlined">
                    {label('bodyKind', k)}
                  </Tag>
                ),
              },
              {
                title: t('body.level'),
                dataIndex: 'level',
                width: 100,
                render: (l: string) => label('bodyLevel', l),
              },
              { title: t('body.region'), dataIndex: 'regionName', width: 160 },
              { title: t('body.regionCode'), dataIndex: 'regionCode', width: 120 },
            ]}
          />
        ) : tree.isPending ? (
          <Table loading dataSource={[]} columns={[]} />
        ) : (
          <Empty description={t('bodies.empty')} />
        )}
      </Card>
    </>
  );
}
