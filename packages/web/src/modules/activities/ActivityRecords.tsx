import { SendOutlined } from '@ant-design/icons';
import type { ActivityRecord, RecordKind } from '@yiting/domain';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../i18n/I18nProvider.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

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
 * suggestions with the department's response, questions with the answer and its rating.
 */
export function ActivityRecords({
  records,
  onConvert,
}: {
  records: ActivityRecord[];
  /** Offered on problems when the user may create matters. */
  onConvert?: (finding: ActivityRecord) => void;
}) {
  const { t, label } = useI18n();
  if (!records.length)
    return (
      <Card title={t('activity.records')}>
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

  const finding = (f: ActivityRecord) => (
    <List.Item
      key={f.id}
      data-record={f.id}
      data-testid="finding"
      actions={
        f.nature === 'problem' && onConvert && !f.matterIds.length
          ? [
              <Button key="convert" size="small" icon={<SendOutlined />} onClick={() => onConvert(f)}>
                {t('finding.convert')}
              </Button>,
            ]
          : []
      }
    >
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
        <List.Item key={r.id}>
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
      <List.Item key={r.id}>
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
      {reports.map((r) => (
        <Card
          key={r.id}
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
