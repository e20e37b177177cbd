import { AutoComplete, Card, DatePicker, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCursorList } from '../api/useCursorList.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { JsonBlock } from '../modules/audit/JsonBlock.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
  hash: string;
}

/** Actions and targets the server writes today; others still show, by their code. */
const KNOWN_ACTIONS = [
  'auth.login',
  'account.create',
  'account.update',
  'account.password_change',
  'account.totp_enable',
  'api_token.create',
  'api_token.revoke',
  'person.create',
  'person.update',
  'person.delete',
  'person.import',
  'unit.create',
  'unit.update',
  'docnumber.allocate',
];
const KNOWN_TARGETS = ['account', 'api_token', 'person', 'unit', 'body', 'doc_number'];

export function AuditPage() {
  const { t, maybe, dateTime } = useI18n();
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  const list = useCursorList<AuditEntry>('/audit', {
    action: action.trim() || undefined,
    targetType,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  });
  const actionLabel = (a: string) => maybe(`audit.action.${a}`) ?? a;
  const targetLabel = (x: string) => maybe(`audit.target.${x}`) ?? x;
  const filtered = !!(action || targetType || range);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <AutoComplete
            allowClear
            value={action}
            onChange={(v?: string) => setAction(v ?? '')}
            placeholder={t('audit.filterAction')}
            style={{ width: 240 }}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} · ${a}` }))}
            showSearch={{
              filterOption: (input, option) =>
                !!option && `${option.value} ${option.label}`.toLowerCase().includes(input.toLowerCase()),
            }}
          />
          <Select
            allowClear
            placeholder={t('audit.filterTarget')}
            value={targetType}
            onChange={setTargetType}
            style={{ width: 180 }}
            options={KNOWN_TARGETS.map((x) => ({ value: x, label: targetLabel(x) }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v ? [v[0], v[1]] : null)}
            allowEmpty={[true, true]}
            placeholder={[t('audit.from'), t('audit.to')]}
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <Empty description={filtered ? t('audit.noMatch') : t('audit.empty')} />
            ),
          }}
          expandable={{
            rowExpandable: (e) => e.before != null || e.after != null,
            expandedRowRender: (e) => (
              <Flex gap={16} wrap>
                <JsonBlock title={t('audit.before')} value={e.before} />
                <JsonBlock title={t('audit.after')} value={e.after} />
              </Flex>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 70 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 180,
              render: (at: string) => dateTime(at),
            },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              width: 140,
              render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (a: string) => (
                <>
                  {actionLabel(a)}
                  <Typography.Text type="secondary" code style={{ marginLeft: 6, fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 220,
              render: (_, e) => (
                <>
                  {targetLabel(e.targetType)}
                  {e.targetId ? (
                    <Tooltip title={e.targetId}>
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {e.targetId.slice(-8)}
                      </Typography.Text>
                    </Tooltip>
                  ) : null}
                </>
              ),
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              width: 100,
              render: (o: string) => (
                <Tag color={o === 'success' ? 'success' : 'error'}>{maybe(`audit.outcome.${o}`) ?? o}</Tag>
              ),
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
    </>
  );
}
