import { DownOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { ActivityRecord, ActivityType, RecordKind } from '@yiting/domain';
import { Button, Card, Dropdown, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import type { RecordDraft } from './RecordFormDrawer.tsx';
import { canBecomeMatter, recordKindsFor } from './recordKinds.ts';

const RATING_COLORS: Record<string, string> = {
  satisfied: 'success',
  basically_satisfied: 'processing',
  unsatisfied: 'error',
};

/** The order kinds are shown in: what the activity produced first, the notes of the visits last. */
const ORDER: RecordKind[] = [
  'report',
  'finding',
  'deliberation_opinion',
  'question',
  'suggestion',
  'speech',
  'rule',
  'visit_note',
];

/**
 * An activity's records grouped by kind: reports with their findings (a problem can become a matter),
 * suggestions with the department's response, questions with the answer and its rating. Staff add
 * records from here, and turn a problem, a suggestion, a question or a deliberation opinion into a matter.
 */
export function ActivityRecords({
  type,
  records,
  onConvert,
  onAdd,
}: {
  /** The activity's type: the kinds it usually records are offered first. */
  type: ActivityType;
  records: ActivityRecord[];
  /** Offered on the records a matter can follow from, when the user may create matters. */
  onConvert?: (record: ActivityRecord) => void;
  /** Offered when the user may record the activity's results. */
  onAdd?: (draft: RecordDraft) => void;
}) {
  const { t, label } = useI18n();
  const addButton = onAdd ? (
    <Dropdown
      trigger={['click']}
      menu={{
        items: recordKindsFor(type).map((k) => ({ key: k, label: label('recordKind', k) })),
        onClick: ({ key }) => onAdd({ kind: key as RecordKind }),
      }}
    >
      <Button type="primary" icon={<PlusOutlined />} data-testid="record-add">
        {t('activity.addRecord')} <DownOutlined />
      </Button>
    </Dropdown>
  ) : null;
  if (!records.length)
    return (
      <Card title={t('activity.records')} extra={addButton}>
        <Empty description={t('activity.noRecords')} />
      </Card>
    );

  const reports = records.filter((r) => r.kind === 'report');
  const reportIds = new Set(reports.map((r) => r.id));
  const findingsOf = (id: string | null) =>
    records.filter(
      (r) => r.kind === 'finding' && (id ? r.parentId === id : !reportIds.has(r.parentId ?? '')),
    );

  const matterLinks = (r: ActivityRecord) =>
    r.matterIds.length ? (
      <Flex gap={8} wrap style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{t('finding.matters')}</Typography.Text>
        {r.matterIds.map((id, i) => (
          <Link key={id} to={`/matters/${id}`}>
            {t('finding.matterN', { n: i + 1 })}
          </Link>
        ))}
      </Flex>
    ) : null;

  const convert = (r: ActivityRecord) =>
    onConvert && canBecomeMatter(r)
      ? [
          <Button key="convert" size="small" icon={<SendOutlined />} onClick={() => onConvert(r)}>
            {t('finding.convert')}
          </Button>,
        ]
      : [];

  const finding = (f: ActivityRecord) => (
    <List.Item key={f.id} data-record={f.id} data-testid="finding" actions={convert(f)}>
      <List.Item.Meta
        title={
          <Flex gap={8} align="center" wrap>
            <Tag color={f.nature === 'problem' ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
              {t(`finding.nature.${f.nature ?? 'problem'}` as MessageKey)}
            </Tag>
            <span>{f.title}</span>
          </Flex>
        }
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{f.content}</Typography.Paragraph>
            {matterLinks(f)}
          </>
        }
      />
    </List.Item>
  );

  const plain = (r: ActivityRecord): ReactNode => {
    if (r.kind === 'suggestion' || r.kind === 'question') {
      return (
        <List.Item key={r.id} data-record={r.id} actions={convert(r)}>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>
              {r.personName ?? ''}
              {r.personName ? t('punct.colon') : ''}
            </Typography.Text>
            {r.title ? <Typography.Text strong>{r.title} </Typography.Text> : null}
            <Typography.Text>{r.content}</Typography.Text>
            {r.response || r.responderUnitName ? (
              <div
                style={{
                  marginTop: 8,
                  padding: '8px 12px',
                  background: '#fafaf9',
                  borderInlineStart: '3px solid #1d5ba6',
                }}
              >
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">
                    {t(r.kind === 'question' ? 'record.answeredBy' : 'record.respondedBy', {
                      unit: r.responderUnitName ?? '—',
                    })}
                  </Typography.Text>
                  {r.rating ? (
                    <Tag color={RATING_COLORS[r.rating]}>{t(`record.rating.${r.rating}` as MessageKey)}</Tag>
                  ) : null}
                </Flex>
                {r.response ? <div style={{ marginTop: 4 }}>{r.response}</div> : null}
              </div>
            ) : null}
            {matterLinks(r)}
          </div>
        </List.Item>
      );
    }
    return (
      <List.Item key={r.id} data-record={r.id} actions={convert(r)}>
        <List.Item.Meta
          title={r.title ?? (r.personName ? `${r.personName}` : undefined)}
          description={
            <>
              {r.title && r.personName ? (
                <Typography.Text type="secondary">{r.personName} </Typography.Text>
              ) : null}
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span>
              {matterLinks(r)}
            </>
          }
        />
      </List.Item>
    );
  };

  const loose = findingsOf(null);
  const groups = ORDER.filter((k) => k !== 'report' && k !== 'finding')
    .map((k) => ({ kind: k, items: records.filter((r) => r.kind === k) }))
    .filter((g) => g.items.length);

  return (
    <Flex vertical gap={16}>
      {addButton ? (
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('activity.records')}
          </Typography.Title>
          {addButton}
        </Flex>
      ) : null}
      {reports.map((r) => (
        <Card
          key={r.id}
          extra={
            onAdd ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onAdd({ kind: 'finding', parentId: r.id })}
                data-testid="finding-add"
              >
                {t('activity.addFinding')}
              </Button>
            ) : null
          }
          title={
            <Flex gap={8} align="center">
              <Tag style={{ marginInlineEnd: 0 }}>{label('recordKind', 'report')}</Tag>
              <span style={{ whiteSpace: 'normal' }}>{r.title}</span>
            </Flex>
          }
          data-testid="report"
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
          {findingsOf(r.id).length ? (
            <List
              size="small"
              header={<strong>{t('activity.findings')}</strong>}
              dataSource={findingsOf(r.id)}
              renderItem={finding}
            />
          ) : null}
        </Card>
      ))}
      {loose.length ? (
        <Card title={t('activity.findings')}>
          <List size="small" dataSource={loose} renderItem={finding} />
        </Card>
      ) : null}
      {groups.map((g) => (
        <Card
          key={g.kind}
          title={t('activity.group', { kind: label('recordKind', g.kind), n: g.items.length })}
        >
          <List size="small" dataSource={g.items} renderItem={plain} />
        </Card>
      ))}
    </Flex>
  );
}
